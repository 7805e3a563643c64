#!/usr/bin/env bash
# SamsaClient against confluent-kafka (librdkafka) on one standalone samsa-broker, in one run:
# N records of SIZE bytes, acks=1, one partition. Each run produces with both clients (each to its own
# topic), then consumes with both (each reads the topic it wrote); the order of the two clients
# rotates between runs. kcat (librdkafka from C, no Python) runs too when installed (KCAT=0 skips it).
# Prints every run with the load average and the client's CPU time, then medians and ratios.
# With REBALANCE=1 it also times a 4-member group (12 partitions) after one member leaves (SamsaClient,
# then confluent-kafka), eager (range) and cooperative-sticky, for each heartbeat.interval.ms in HEARTBEATS_MS.
#   scripts/bench-client.sh           env: N RUNS (0: rebalance only) SIZE KCAT PY (python with confluent_kafka) BENCH SKIP_BUILD REBALANCE HEARTBEATS_MS
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000000}; SIZE=${SIZE:-100}; RUNS=${RUNS:-3}
PY=${PY:-.venv/bin/python}
BENCH=${BENCH:-../shared/bench}
[ -x "$PY" ] || { echo "needs a python with confluent-kafka: PY=path/to/venv/bin/python" >&2; exit 2; }
[ -f "$BENCH/perf_produce.py" ] || { echo "needs perf_produce.py and perf_consume.py: BENCH=folder" >&2; exit 2; }

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  swift build -c release --product samsa-broker
  swift build -c release --product samsa-client-perf
fi
BIN=$(swift build -c release --show-bin-path)

DIR=$(mktemp -d)
BROKER_PID=
cleanup() {
  if [ -n "$BROKER_PID" ]; then kill "$BROKER_PID" 2>/dev/null || true; wait "$BROKER_PID" 2>/dev/null || true; fi
  rm -rf "$DIR"
}
trap cleanup EXIT
PORT=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BIN/samsa-broker" --override broker.id=1 --override listeners=PLAINTEXT://127.0.0.1:$PORT \
  --override log.dirs="$DIR/logs" > "$DIR/broker.log" 2>&1 &
BROKER_PID=$!
for _ in $(seq 100); do (echo >/dev/tcp/127.0.0.1/$PORT) 2>/dev/null && break; sleep 0.1; done
(echo >/dev/tcp/127.0.0.1/$PORT) 2>/dev/null || { echo "samsa-broker did not listen on $PORT" >&2; tail -5 "$DIR/broker.log" >&2; exit 1; }
BOOT=127.0.0.1:$PORT

rate() { grep -o '[0-9,]* rec/s' <<<"$1" | tr -d ', rec/s'; }
load1() { cut -d' ' -f1 /proc/loadavg; }
now() { date +%s.%N; }
# Runs a client under /usr/bin/time: OUT is its last line, CPU its user+system seconds.
timed() { OUT=$(/usr/bin/time -f '%U %S' -o "$DIR/time" "$@" | tail -1); CPU=$(awk '{printf "%.2f", $1+$2}' "$DIR/time"); }
produce() { # client topic
  case $1 in
    librdkafka) timed "$PY" "$BENCH/perf_produce.py" "$BOOT" "$2" "$N" "$SIZE" 1 1 ;;
    samsa) timed "$BIN/samsa-client-perf" produce --bootstrap-server "$BOOT" --topic "$2" --num-records "$N" --record-size "$SIZE" --acks 1 ;;
    kcat) # librdkafka from C, settings as perf_produce.py; the topic is made first as the others do
      "$PY" -c "from confluent_kafka.admin import AdminClient, NewTopic; a = AdminClient({'bootstrap.servers': '$BOOT'}); a.create_topics([NewTopic('$2', 1, 1)])['$2'].result(10)"
      local t0; t0=$(now)
      timed kcat -P -q -b "$BOOT" -t "$2" -p 0 -X acks=1 -X linger.ms=5 -X batch.size=1000000 \
        -X queue.buffering.max.messages=2000000 -X queue.buffering.max.kbytes=2000000 -X enable.idempotence=false -l "$DIR/records.txt"
      OUT=$(awk -v t0="$t0" -v t1="$(now)" -v n="$N" -v s="$SIZE" 'BEGIN {d=t1-t0; printf "produced %d in %.2fs: %d rec/s %.1f MB/s", n, d, n/d, n*s/d/1e6}') ;;
  esac
}
consume() { # client topic
  case $1 in
    librdkafka) timed "$PY" "$BENCH/perf_consume.py" "$BOOT" "$2" "$N" ;;
    samsa) timed "$BIN/samsa-client-perf" consume --bootstrap-server "$BOOT" --topic "$2" --num-records "$N" ;;
    kcat) # one '.' per record; the count is checked
      local t0 got; t0=$(now)
      timed sh -c "kcat -C -q -b '$BOOT' -t '$2' -o beginning -e -f '.' -X fetch.max.bytes=52428800 -X max.partition.fetch.bytes=10485760 | wc -c"
      got=$OUT
      OUT=$(awk -v t0="$t0" -v t1="$(now)" -v n="$got" 'BEGIN {d=t1-t0; printf "consumed %d in %.2fs: %d rec/s (with start-up)", n, d, n/d}')
      [ "$got" = "$N" ] || { echo "kcat read $got records, not $N" >&2; exit 1; } ;;
  esac
}

if [ "$RUNS" -gt 0 ]; then
  CLIENTS="librdkafka samsa"
  if [ "${KCAT:-1}" = 1 ] && command -v kcat >/dev/null; then
    CLIENTS="librdkafka samsa kcat"
    awk -v n="$N" -v s="$SIZE" 'BEGIN {v = sprintf("%*s", s, ""); gsub(/ /, "x", v); for (i = 0; i < n; i++) print v}' > "$DIR/records.txt"
  fi
  declare -A P C PCPU CCPU
  echo "samsa-broker pid $BROKER_PID on $BOOT; $N records of $SIZE B, acks=1, one partition, $RUNS runs"
  for run in $(seq "$RUNS"); do
    # Rotate the order so no client always goes first.
    all=($CLIENTS); k=$(( (run - 1) % ${#all[@]} )); order="${all[*]:k} ${all[*]:0:k}"
    for client in $order; do
      l=$(load1); produce "$client" "$client-$run"
      P[$client,$run]=$(rate "$OUT"); PCPU[$client,$run]=$CPU; echo "run $run produce $client (load $l, client cpu ${CPU}s): $OUT"
    done
    for client in $order; do
      l=$(load1); consume "$client" "$client-$run"
      C[$client,$run]=$(rate "$OUT"); CCPU[$client,$run]=$CPU; echo "run $run consume $client (load $l, client cpu ${CPU}s): $OUT"
    done
  done

  median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
  table() { # title, array name
    local -n values=$2
    echo; echo "$1"
    printf '| run |'; for c in $CLIENTS; do printf ' %14s |' "$c"; done; echo
    printf '|---|'; for c in $CLIENTS; do printf -- '---:|'; done; echo
    for run in $(seq "$RUNS"); do
      printf '| %s |' "$run"; for c in $CLIENTS; do printf ' %14s |' "${values[$c,$run]}"; done; echo
    done
    printf '| median |'
    for c in $CLIENTS; do
      local all=(); for run in $(seq "$RUNS"); do all+=("${values[$c,$run]}"); done
      MED[$c]=$(median "${all[@]}"); printf ' %14s |' "${MED[$c]}"
    done
    echo
  }
  declare -A MED
  table "produce, records/s" P; mp=${MED[samsa]}/${MED[librdkafka]}
  table "consume, records/s" C; mc=${MED[samsa]}/${MED[librdkafka]}
  table "produce, client CPU seconds (user+system)" PCPU
  table "consume, client CPU seconds (user+system)" CCPU
  echo
  echo "samsa / confluent-kafka (median records/s): produce $(awk "BEGIN {printf \"%.2f\", $mp}")x, consume $(awk "BEGIN {printf \"%.2f\", $mc}")x"
fi

if [ "${REBALANCE:-0}" = 1 ]; then
  for hb in ${HEARTBEATS_MS:-3000 100}; do
    echo
    echo "rebalance, SamsaClient, heartbeat.interval.ms=$hb (load $(load1)):"
    "$BIN/samsa-client-perf" rebalance --bootstrap-server "$BOOT" --topic rebalance-samsa --runs 5 --heartbeat-interval-ms "$hb"
    echo "rebalance, confluent-kafka, heartbeat.interval.ms=$hb (load $(load1)):"
    "$PY" scripts/bench/rebalance_confluent.py "$BOOT" rebalance-confluent 5 4 12 "$hb"
  done
fi
