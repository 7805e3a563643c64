#!/usr/bin/env bash
# Produce throughput of a 3-broker Samsa cluster (RF 3) with acks=1 and acks=all, each as a
# ratio to one standalone broker, measured in the same run with the same client
# (../shared/bench/perf_produce.py, confluent-kafka). Processes are stopped by PID; 127.0.0.1 only.
#   scripts/bench-cluster.sh      (build first: swift build -c release; N=1000000 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release}
PY=${PY:-.venv/bin/python}
N=${N:-1000000}
BENCH=${BENCH:-../shared/bench}
DIR=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$DIR"; }
trap cleanup EXIT
free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 100); do (echo >/dev/tcp/127.0.0.1/$1) 2>/dev/null && return 0; sleep 0.1; done; return 1; }
create() { "$PY" -c "
from confluent_kafka.admin import AdminClient, NewTopic
admin = AdminClient({'bootstrap.servers':'$1'})
admin.create_topics([NewTopic('$2',1,$3,config={'min.insync.replicas':'$4'})])['$2'].result(15)"; }

P=$(free_port)
"$BIN/samsa-broker" --override listeners=PLAINTEXT://127.0.0.1:$P --override log.dirs="$DIR/standalone" > "$DIR/s.log" 2>&1 & pids+=($!)
wait_port "$P"
standalone=$("$PY" "$BENCH/perf_produce.py" "127.0.0.1:$P" bench "$N" 100 1 1 2>/dev/null | tail -1)
echo "standalone acks=1: $standalone"

ZK=$(free_port)
printf 'clientPort=%s\ndataDir=%s/meta\ntickTime=500\n' "$ZK" "$DIR" > "$DIR/zookeeper.properties"
"$BIN/samsa-meta" "$DIR/zookeeper.properties" > "$DIR/meta.log" 2>&1 & pids+=($!)
wait_port "$ZK"
ports=()
for id in 1 2 3; do
  port=$(free_port); ports+=("127.0.0.1:$port")
  "$BIN/samsa-broker" --override broker.id=$id --override listeners=PLAINTEXT://127.0.0.1:$port \
    --override log.dirs="$DIR/b$id" --override zookeeper.connect=127.0.0.1:$ZK > "$DIR/b$id.log" 2>&1 & pids+=($!)
  wait_port "$port"
done
BOOT=$(IFS=,; echo "${ports[*]}")
sleep 2
create "$BOOT" async 3 1
create "$BOOT" sync 3 2
async=$("$PY" "$BENCH/perf_produce.py" "$BOOT" async "$N" 100 1 1 2>/dev/null | tail -1)
echo "3 brokers RF3 acks=1: $async"
sync=$("$PY" "$BENCH/perf_produce.py" "$BOOT" sync "$N" 100 all 1 2>/dev/null | tail -1)
echo "3 brokers RF3 acks=all (min.insync.replicas=2): $sync"
rate() { echo "$1" | sed -E 's/.*: ([0-9,]+) rec\/s.*/\1/' | tr -d ,; }
"$PY" -c "s,a,y=$(rate "$standalone"),$(rate "$async"),$(rate "$sync"); print('ratios to standalone: acks=1 %.2f, acks=all %.2f' % (a/s, y/s))"
