#!/usr/bin/env bash
# SamsaClient against confluent-kafka (librdkafka) on one standalone samsa-broker, in one run:
# N records of SIZE bytes, acks=1, one partition. Each run produces with both clients (each to its own
# topic), then consumes with both (each reads the topic it wrote); the order of the two clients
# alternates between runs. Prints every run with the load average, then medians and ratios.
# With REBALANCE=1 it also times a 4-member group after one member leaves (SamsaClient, then
# confluent-kafka), eager (range) and cooperative-sticky.
#   scripts/bench-client.sh           env: N RUNS SIZE PY (python with confluent_kafka) BENCH SKIP_BUILD REBALANCE
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
produce() { # client topic
  if [ "$1" = librdkafka ]; then "$PY" "$BENCH/perf_produce.py" "$BOOT" "$2" "$N" "$SIZE" 1 1 | tail -1
  else "$BIN/samsa-client-perf" produce --bootstrap-server "$BOOT" --topic "$2" --num-records "$N" --record-size "$SIZE" --acks 1 | tail -1; fi
}
consume() { # client topic
  if [ "$1" = librdkafka ]; then "$PY" "$BENCH/perf_consume.py" "$BOOT" "$2" "$N" | tail -1
  else "$BIN/samsa-client-perf" consume --bootstrap-server "$BOOT" --topic "$2" --num-records "$N" | tail -1; fi
}

declare -A P C
echo "samsa-broker pid $BROKER_PID on $BOOT; $N records of $SIZE B, acks=1, $RUNS runs"
for run in $(seq "$RUNS"); do
  if [ $((run % 2)) = 1 ]; then order="librdkafka samsa"; else order="samsa librdkafka"; fi
  for client in $order; do
    l=$(load1); out=$(produce "$client" "$client-$run")
    P[$client,$run]=$(rate "$out"); echo "run $run produce $client (load $l): $out"
  done
  for client in $order; do
    l=$(load1); out=$(consume "$client" "$client-$run")
    C[$client,$run]=$(rate "$out"); echo "run $run consume $client (load $l): $out"
  done
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
row() { printf '| %-8s | %12s | %12s | %12s | %12s |\n' "$@"; }
echo
row run "librdkafka P" "samsa P" "librdkafka C" "samsa C"
row --- --- --- --- ---
lp=(); sp=(); lc=(); sc=()
for run in $(seq "$RUNS"); do
  row "$run" "${P[librdkafka,$run]}" "${P[samsa,$run]}" "${C[librdkafka,$run]}" "${C[samsa,$run]}"
  lp+=("${P[librdkafka,$run]}"); sp+=("${P[samsa,$run]}"); lc+=("${C[librdkafka,$run]}"); sc+=("${C[samsa,$run]}")
done
mlp=$(median "${lp[@]}"); msp=$(median "${sp[@]}"); mlc=$(median "${lc[@]}"); msc=$(median "${sc[@]}")
row median "$mlp" "$msp" "$mlc" "$msc"
echo "samsa / librdkafka (medians): produce $(awk "BEGIN {printf \"%.2f\", $msp/$mlp}")x, consume $(awk "BEGIN {printf \"%.2f\", $msc/$mlc}")x (records/s)"

if [ "${REBALANCE:-0}" = 1 ]; then
  echo
  echo "rebalance, SamsaClient (load $(load1)):"
  "$BIN/samsa-client-perf" rebalance --bootstrap-server "$BOOT" --topic rebalance-samsa --runs 5
  echo "rebalance, confluent-kafka (load $(load1)):"
  "$PY" scripts/bench/rebalance_confluent.py "$BOOT" rebalance-confluent 5
fi
