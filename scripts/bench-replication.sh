#!/usr/bin/env bash
# 3 brokers RF 3: produce N records of 100 B with acks=all (each acknowledged only once both
# followers fetched it), time it, and the CPU of each broker (leader and followers) meanwhile.
# Usage: scripts/bench-replication.sh BROKER_BINARY META_BINARY [N]   (RDPERF: rdkafka_performance;
#   PY: a python with confluent-kafka, default .venv/bin/python; prints each broker's fetch byte counts)
set -u
BROKER=$1; META=$2; N=${3:-5000000}; RD=${RDPERF:-/tmp/zc/rdkafka_performance}; PY=${PY:-.venv/bin/python}
dir=$(mktemp -d); zk=$(( 20000 + RANDOM % 10000 )); base=$(( 30000 + RANDOM % 10000 ))
printf 'dataDir=%s/zk\nclientPort=%s\ntickTime=2000\nminSessionTimeout=4000\n' $dir $zk > $dir/zk.properties
"$META" $dir/zk.properties > $dir/meta.log 2>&1 & mpid=$!
wait_port() { for _ in $(seq 150); do (echo >/dev/tcp/127.0.0.1/$1) 2>/dev/null && return 0; sleep 0.1; done; return 1; }
wait_port $zk || { echo "meta did not listen"; kill $mpid; exit 1; }
pids=()
for id in 1 2 3; do
  port=$((base + id))
  "$BROKER" --override broker.id=$id --override listeners=PLAINTEXT://127.0.0.1:$port --override log.dirs=$dir/b$id \
    --override zookeeper.connect=127.0.0.1:$zk --override offsets.topic.replication.factor=3 \
    --override controlled.shutdown.retry.backoff.ms=200 > $dir/b$id.log 2>&1 &
  pids+=($!)
done
for id in 1 2 3; do wait_port $((base + id)) || echo "broker $id did not listen"; done
sleep 2
"$PY" -c "
from confluent_kafka.admin import AdminClient, NewTopic
a=AdminClient({'bootstrap.servers':'127.0.0.1:$((base+1))'})
[f.result(30) for f in a.create_topics([NewTopic('perf',1,3)]).values()]
import time; time.sleep(3)
md=a.list_topics('perf', timeout=10); p=md.topics['perf'].partitions[0]; print('leader', p.leader, 'isr', sorted(p.isrs))"
cpu() { awk '{print $14+$15}' /proc/$1/stat; }
before=(); for p in "${pids[@]}"; do before+=($(cpu $p)); done
start=$(date +%s.%N)
"$RD" -P -t perf -p 0 -s 100 -c $N -a -1 -b 127.0.0.1:$((base+1)) -X linger.ms=5 -X batch.num.messages=10000 -X queue.buffering.max.messages=1000000 2>&1 | grep -oE '[0-9]+ msgs/s' | tail -1
end=$(date +%s.%N)
tck=$(getconf CLK_TCK)
for i in 0 1 2; do echo "broker $((i+1)) CPU $(( ($(cpu ${pids[$i]}) - ${before[$i]}) * 1000 / tck )) ms"; done
echo "produce acks=all wall $(echo "$end - $start" | bc) s"
for p in "${pids[@]}"; do kill $p; done; for p in "${pids[@]}"; do wait $p 2>/dev/null; done; kill $mpid; wait $mpid 2>/dev/null
grep -ho "fetch.sendfile.bytes=[0-9]*\|fetch.copied.bytes=[0-9]*" $dir/b*.log | tr '\n' ' '; echo
rm -rf $dir
