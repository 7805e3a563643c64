#!/usr/bin/env bash
# Failover time of a 3-broker Samsa cluster with the kit's lab settings: from the signal to the
# leader of orders-0 until the first acks=all write to orders-0 succeeds. SIGKILL waits for the
# dead broker's metadata session to expire (zookeeper.session.timeout.ms=4000); SIGTERM is a
# controlled shutdown. Everything binds 127.0.0.1; every process started here is stopped by PID.
#   scripts/bench-failover.sh        (build first: swift build -c release)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release}
PY=${PY:-.venv/bin/python}
ROUNDS=${ROUNDS:-3}
DIR=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$DIR"; }
trap cleanup EXIT
free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 100); do (echo >/dev/tcp/127.0.0.1/$1) 2>/dev/null && return 0; sleep 0.1; done; return 1; }

ZK=$(free_port)
printf 'clientPort=%s\ndataDir=%s/meta\ntickTime=500\n' "$ZK" "$DIR" > "$DIR/zookeeper.properties"
"$BIN/samsa-meta" "$DIR/zookeeper.properties" > "$DIR/meta.log" 2>&1 & pids+=($!)
wait_port "$ZK"
declare -A PORT PID
start_broker() {
  "$BIN/samsa-broker" --override broker.id=$1 --override listeners=PLAINTEXT://127.0.0.1:${PORT[$1]} \
    --override log.dirs="$DIR/b$1" --override zookeeper.connect=127.0.0.1:$ZK \
    --override zookeeper.session.timeout.ms=4000 --override replica.lag.time.max.ms=2000 >> "$DIR/b$1.log" 2>&1 &
  PID[$1]=$!; pids+=($!)
  wait_port "${PORT[$1]}"
}
for id in 1 2 3; do PORT[$id]=$(free_port); start_broker $id; done
BOOT="127.0.0.1:${PORT[1]},127.0.0.1:${PORT[2]},127.0.0.1:${PORT[3]}"
sleep 2
"$PY" -c "
from confluent_kafka.admin import AdminClient, NewTopic
admin = AdminClient({'bootstrap.servers':'$BOOT'})
admin.create_topics([NewTopic('orders',3,3,config={'min.insync.replicas':'2'})])['orders'].result(10)"
"$PY" scripts/bench/failover_probe.py wait-isr "$BOOT" orders 3

for signal in KILL TERM; do
  for round in $(seq "$ROUNDS"); do
    leader=$("$PY" scripts/bench/failover_probe.py leader "$BOOT" orders 0)
    t0=$("$PY" -c 'import time; print(time.time())')
    kill -s $signal "${PID[$leader]}"
    seconds=$("$PY" scripts/bench/failover_probe.py first-write "$BOOT" orders 0 "$t0")
    echo "SIG$signal leader broker $leader: first acks=all write after $seconds s"
    wait "${PID[$leader]}" 2>/dev/null || true
    start_broker "$leader"
    "$PY" scripts/bench/failover_probe.py wait-isr "$BOOT" orders 3
  done
done
