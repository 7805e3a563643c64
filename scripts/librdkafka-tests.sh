#!/usr/bin/env bash
# librdkafka's regression tests (tests/0NNN-*.c, *.cpp) against Samsa, one test at a time, on
# (a) one standalone samsa-broker and (b) samsa-meta + 3 samsa-brokers (ZooKeeper mode).
#
# Usage:
#   scripts/librdkafka-tests.sh [-s standalone|cluster|both] [-t SECONDS] [-o FILE.tsv] \
#                               [-B] LIBRDKAFKA_SRC [TEST ...]
#     LIBRDKAFKA_SRC  a checkout of librdkafka v2.6.1 OUTSIDE this project, e.g.
#                       git clone <mirror or github> /work/librdkafka-src && git -C ... checkout v2.6.1
#     TEST            test numbers (0002 0011 ...); default: $DEFAULT_TESTS below, the tests that
#                     apply to a Kafka 3.x cluster without ACLs, transactions, SSL, SASL or racks
#     -s  which setups (default both)      -t  per-test wall-clock timeout (default 300 s)
#     -o  TSV output (default ./librdkafka-tests-<date>.tsv); logs go to <that name>-logs/
#     -B  skip building librdkafka (tests/test-runner must exist)
#   Environment: BIN (default .build/release: samsa-broker, samsa-meta, samsa),
#                KEEP=1 keeps the temp dir (the servers' data) for reading;
#                CPU_SAMPLES=1 adds per-second CPU of each process to <log>.cpu (see sample_cpu);
#                LOCK_FILE=/tmp/samsa-build.lock holds that flock(1) lock during each test only
#                (the servers idle between tests), so builds on a shared machine can run in between.
#
# What it needs: bash, python3 (free ports), coreutils `timeout`, and to build librdkafka
# (done here unless -B: ./configure --disable-ssl --disable-gssapi --disable-sasl; make -j2 libs;
# make -C tests build) a C/C++ toolchain with zlib, zstd and lz4 headers
# (Debian: build-essential zlib1g-dev libzstd-dev liblz4-dev). Samsa built first:
#   swift build -c release --product samsa-broker; ... --product samsa-meta; ... --product samsa
#
# Each test runs as `TESTS=NNNN test-runner -L` (with LD_LIBRARY_PATH at the checkout's own
# librdkafka.so, not a system one) (-L: the mock-cluster "local" variants of a test
# number are left out) in LIBRDKAFKA_SRC/tests with RDKAFKA_TEST_CONF pointing at a test.conf
# holding bootstrap.servers and test.timeout.multiplier=2, TEST_KAFKA_VERSION=3.4.0, BROKERS, and
# KAFKA_PATH = a shim whose bin/kafka-topics.sh and bin/kafka-configs.sh run `samsa kafka-topics`
# / `samsa kafka-configs`. No -Q (quick mode). Brokers run with Kafka's defaults, notably
# group.initial.rebalance.delay.ms=3000, except what librdkafka's own test scenario
# (tests/scenarios/default.json, which trivup applies) sets: num.partitions=4,
# default.replication.factor=min(brokers,3), auto.create.topics.enable=true; on free ports of
# 127.0.0.1 in a temp dir; one set of
# servers per setup, restarted if any of them died during a test (the line says "restarted").
# Per test it prints: test, setup, pass/fail/timeout/skip, seconds; then totals. The TSV also has
# the CPU seconds the brokers (sum, from /proc/PID/stat), samsa-meta and the test client
# (user+sys of test-runner) used during the test, and how busy the whole machine was (/proc/stat).
# Everything started here is stopped by PID on exit (trap); nothing listens beyond 127.0.0.1.
set -uo pipefail

DEFAULT_TESTS="0001 0002 0003 0005 0007 0008 0011 0012 0013 0014 0015 0017 0018 0019 0020 0021
0022 0026 0029 0030 0031 0033 0034 0035 0036 0038 0039 0040 0041 0042 0044 0045 0048 0049 0050
0051 0052 0053 0054 0055 0056 0057 0059 0060 0061 0063 0064 0065 0067 0068 0069 0070 0073 0075
0076 0077 0081 0082 0083 0084 0085 0086 0088 0089 0090 0091 0092 0093 0094 0099 0102 0109 0110
0112 0113 0114 0118 0122 0123 0125 0127 0130 0132 0137 0139 0140"

SETUPS=both; TMO=300; OUT=""; BUILD=1
while getopts "s:t:o:B" opt; do
  case $opt in
    s) SETUPS=$OPTARG ;; t) TMO=$OPTARG ;; o) OUT=$OPTARG ;; B) BUILD=0 ;;
    *) sed -n '2,19p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { sed -n '2,19p' "$0"; exit 2; }
SRC=$(cd "$1" && pwd) || exit 2; shift
TESTS_LIST=${*:-$DEFAULT_TESTS}
case $SETUPS in both) SETUPS="standalone cluster" ;; standalone|cluster) ;; *) echo "-s: standalone|cluster|both" >&2; exit 2 ;; esac

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$(cd "${BIN:-$ROOT/.build/release}" && pwd) || exit 2
needed="samsa-broker"; case $SETUPS in *cluster*) needed="$needed samsa-meta samsa" ;; esac
for exe in $needed; do
  [ -x "$BIN/$exe" ] || { echo "missing $BIN/$exe (swift build -c release --product $exe)" >&2; exit 2; }
done
[ -x "$BIN/samsa" ] || echo "warning: no $BIN/samsa: tests that run kafka-topics.sh will fail" >&2
OUT=${OUT:-$PWD/librdkafka-tests-$(date -u +%Y%m%dT%H%M%SZ).tsv}
LOGS=${OUT%.tsv}-logs   # each test's output and the servers' logs
mkdir -p "$LOGS"

if [ "$BUILD" = 1 ]; then
  echo "building librdkafka in $SRC (log: $SRC/samsa-build.log)"
  ( cd "$SRC" && { [ -f config.cache ] || ./configure --disable-ssl --disable-gssapi --disable-sasl; } &&
    nice -n 10 make -j2 libs && nice -n 10 make -C tests build ) > "$SRC/samsa-build.log" 2>&1 ||
    { tail -20 "$SRC/samsa-build.log"; echo "librdkafka build failed" >&2; exit 1; }
fi
[ -x "$SRC/tests/test-runner" ] || { echo "no $SRC/tests/test-runner" >&2; exit 1; }

DIR=$(mktemp -d /tmp/samsa-rdtests.XXXXXX)
pids=()
stop_all() {
  local p
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null; done
  for _ in $(seq 100); do
    local alive=0
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && break; sleep 0.1
  done
  for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null; done
  wait 2>/dev/null; pids=()
}
cleanup() { stop_all; if [ "${KEEP:-0}" = 1 ]; then echo "kept $DIR"; else rm -rf "$DIR"; fi; }
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 200); do (echo >/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }
cpu_ticks() { local s; s=$(cat "/proc/$1/stat" 2>/dev/null) || { echo 0; return; }; s=${s##*) }; set -- $s; echo $(( ${12} + ${13} )); }
machine_ticks() { read -r _ u n s i w q sq st _ < /proc/stat; echo "$((u+n+s+i+w+q+sq+st)) $((i+w))"; }
HZ=$(getconf CLK_TCK)
# CPU_SAMPLES=1: once a second, each broker's, samsa-meta's and test-runner's CPU (% of one core)
# and the machine's busy % into <test log>.cpu.
sample_cpu() {
  local out=$1 runner="" p prev=() now=() names=() i t0 t1 m0 m1 line
  names=("${BROKER_PIDS[@]}" $META_PID)
  printf 't_s' > "$out"; for p in "${BROKER_PIDS[@]}"; do printf '\tbroker_pid%s' "$p" >> "$out"; done
  [ -n "$META_PID" ] && printf '\tmeta' >> "$out"; printf '\tclient\tmachine_busy\n' >> "$out"
  for _ in $(seq 50); do [ -s "$DIR/timeout.pid" ] && break; sleep 0.1; done
  for _ in $(seq 50); do runner=$(cat "/proc/$(cat "$DIR/timeout.pid" 2>/dev/null)/task/"*/children 2>/dev/null | awk '{print $1}'); [ -n "$runner" ] && break; sleep 0.1; done
  names+=(${runner:-0})
  prev=(); for p in "${names[@]}"; do prev+=($(cpu_ticks "$p")); done
  read -r m0 i0 < <(machine_ticks); local t=0
  while sleep 1; do
    t=$((t + 1)); now=(); for p in "${names[@]}"; do now+=($(cpu_ticks "$p")); done
    read -r m1 i1 < <(machine_ticks)
    line=$t; for i in "${!names[@]}"; do line+=$'\t'$(( (now[i] - prev[i]) * 100 / HZ )); done
    line+=$'\t'$(( m1 > m0 ? 100 * ((m1 - m0) - (i1 - i0)) / (m1 - m0) : 0 ))
    echo "$line" >> "$out"; prev=("${now[@]}"); m0=$m1; i0=$i1
  done
}

# KAFKA_PATH shim: the Kafka scripts librdkafka's tests run (test_kafka_topics, test_kafka_cmd).
SHIM=$DIR/kafka
mkdir -p "$SHIM/bin"
for tool in kafka-topics kafka-configs kafka-consumer-groups; do
  printf '#!/bin/sh\nexec "%s/samsa" %s "$@"\n' "$BIN" "$tool" > "$SHIM/bin/$tool.sh"
  chmod +x "$SHIM/bin/$tool.sh"
done

BROKER_PIDS=(); META_PID=""; BOOT=""; SETUP=""
start_setup() {
  local setup=$1 gen=$2 d="$DIR/$1.$2" port id ports=()
  mkdir -p "$d"
  BROKER_PIDS=(); META_PID=""
  # As librdkafka's default test scenario configures brokers: auto-created topics get 4
  # partitions and min(brokers, 3) replicas; everything else is Kafka's default.
  local rf=1; [ "$setup" = cluster ] && rf=3
  local common=(--override group.initial.rebalance.delay.ms=3000 --override num.partitions=4
                --override default.replication.factor=$rf --override auto.create.topics.enable=true)
  if [ "$setup" = standalone ]; then
    port=$(free_port)
    "$BIN/samsa-broker" --override listeners=PLAINTEXT://127.0.0.1:"$port" --override log.dirs="$d/broker" \
      "${common[@]}" > "$d/broker.log" 2>&1 & pids+=($!); BROKER_PIDS+=($!)
    wait_port "$port" || { echo "standalone broker did not listen (log: $d/broker.log)" >&2; return 1; }
    BOOT=127.0.0.1:$port
  else
    local zk; zk=$(free_port)
    printf 'clientPort=%s\ndataDir=%s/meta\ntickTime=2000\n' "$zk" "$d" > "$d/zookeeper.properties"
    "$BIN/samsa-meta" "$d/zookeeper.properties" > "$d/meta.log" 2>&1 & pids+=($!); META_PID=$!
    wait_port "$zk" || { echo "samsa-meta did not listen" >&2; return 1; }
    for id in 1 2 3; do
      port=$(free_port); ports+=("127.0.0.1:$port")
      "$BIN/samsa-broker" --override broker.id=$id --override listeners=PLAINTEXT://127.0.0.1:"$port" \
        --override log.dirs="$d/broker-$id" --override zookeeper.connect=127.0.0.1:"$zk" \
        "${common[@]}" > "$d/broker-$id.log" 2>&1 & pids+=($!); BROKER_PIDS+=($!)
    done
    for p in "${ports[@]}"; do wait_port "${p#*:}" || { echo "broker $p did not listen" >&2; return 1; }; done
    BOOT=$(IFS=,; echo "${ports[*]}")
    # Ready when a replication-factor-3 topic can be created: all three registered.
    local ok=0
    for _ in $(seq 60); do
      if "$BIN/samsa" kafka-topics --bootstrap-server "$BOOT" --create --if-not-exists \
           --topic samsa-rdtests-ready --partitions 1 --replication-factor 3 > /dev/null 2>&1; then ok=1; break; fi
      sleep 0.5
    done
    [ $ok = 1 ] || { echo "cluster not ready (logs: $d)" >&2; return 1; }
  fi
  printf 'bootstrap.servers=%s\ntest.timeout.multiplier=2\n' "$BOOT" > "$d/test.conf"
  CONF=$d/test.conf; SETUP_DIR=$d
}
setup_alive() {
  local p
  for p in "${BROKER_PIDS[@]}" $META_PID; do kill -0 "$p" 2>/dev/null || return 1; done
}

printf 'test\tsetup\tresult\tseconds\tbroker_cpu_s\tmeta_cpu_s\tclient_cpu_s\tmachine_busy_pct\tnote\n' > "$OUT"
declare -A TOTAL
for setup in $SETUPS; do
  gen=1
  start_setup "$setup" $gen || exit 1
  for t in $TESTS_LIST; do
    note=""
    if ! setup_alive; then
      stop_all; gen=$((gen + 1)); start_setup "$setup" $gen || exit 1; note="restarted"
    fi
    log="$LOGS/$setup.$t.log"
    if [ -n "${LOCK_FILE:-}" ]; then exec 9>>"$LOCK_FILE"; flock 9; fi
    b0=0; for p in "${BROKER_PIDS[@]}"; do b0=$((b0 + $(cpu_ticks "$p"))); done
    m0=0; [ -n "$META_PID" ] && m0=$(cpu_ticks "$META_PID")
    read -r tot0 idle0 < <(machine_ticks)
    start=$(date +%s.%N)
    TIMEFORMAT='%U %S'
    SAMPLER=""; rm -f "$DIR/timeout.pid"
    if [ "${CPU_SAMPLES:-0}" = 1 ]; then sample_cpu "$log.cpu" & SAMPLER=$!; fi
    { time ( cd "$SRC/tests" && TESTS=$t RDKAFKA_TEST_CONF=$CONF TEST_KAFKA_VERSION=3.4.0 \
        KAFKA_PATH=$SHIM BROKERS=$BOOT LD_LIBRARY_PATH=$SRC/src:$SRC/src-cpp timeout -k 10 "$TMO" ./test-runner -L > "$log" 2>&1 &
        echo $! > "$DIR/timeout.pid"; wait $! ); } 2> "$log.time"
    rc=$?
    [ -n "$SAMPLER" ] && { kill "$SAMPLER" 2>/dev/null; wait "$SAMPLER" 2>/dev/null; SAMPLER=""; }
    if [ -n "${LOCK_FILE:-}" ]; then flock -u 9; exec 9>&-; fi
    secs=$(python3 -c "import time; print(f'{time.time()-$start:.1f}')")
    b1=0; for p in "${BROKER_PIDS[@]}"; do b1=$((b1 + $(cpu_ticks "$p"))); done
    m1=0; [ -n "$META_PID" ] && m1=$(cpu_ticks "$META_PID")
    read -r tot1 idle1 < <(machine_ticks)
    client=$(tail -1 "$log.time" | awk '{printf "%.1f", $1 + $2}')   # last line: bash may report an abort first
    bcpu=$(awk -v a="$b0" -v b="$b1" -v hz="$HZ" 'BEGIN{printf "%.1f", (b-a)/hz}')
    mcpu=$(awk -v a="$m0" -v b="$m1" -v hz="$HZ" 'BEGIN{printf "%.1f", (b-a)/hz}')
    busy=$(awk -v t="$((tot1 - tot0))" -v i="$((idle1 - idle0))" 'BEGIN{ if (t>0) printf "%.0f", 100*(t-i)/t; else print 0}')
    # States of the non-local tests with this number in the runner's summary table.
    states=$(sed 's/\x1b\[[0-9;]*m//g; s/\x1b(B//g' "$log" | grep -E "^\| *${t}_" | awk -F'|' '{gsub(/ /,"",$3); print $3}' | sort -u | tr '\n' ' ')
    if [ $rc = 124 ] || [ $rc = 137 ]; then result=timeout
    elif [ $rc = 0 ] && [ -n "$states" ] && ! echo "$states" | grep -q PASSED; then result=skip
    elif [ $rc = 0 ]; then result=pass
    else result=fail
    fi
    [ -z "$states" ] && [ $rc = 0 ] && result=skip
    setup_alive || note="${note:+$note,}server died"
    printf '%-6s %-10s %-8s %7ss  %s\n' "$t" "$setup" "$result" "$secs" "$note"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "$setup" "$result" "$secs" "$bcpu" "$mcpu" "$client" "$busy" "$note" >> "$OUT"
    TOTAL[$setup.$result]=$(( ${TOTAL[$setup.$result]:-0} + 1 ))
  done
  stop_all
  for d in "$DIR/$setup".*; do for f in "$d"/*.log; do cp "$f" "$LOGS/$(basename "$d")-$(basename "$f")"; done; done
done
echo
for setup in $SETUPS; do
  printf 'totals %-10s pass %d  fail %d  timeout %d  skip %d\n' "$setup" "${TOTAL[$setup.pass]:-0}" \
    "${TOTAL[$setup.fail]:-0}" "${TOTAL[$setup.timeout]:-0}" "${TOTAL[$setup.skip]:-0}"
done
echo "TSV: $OUT"
