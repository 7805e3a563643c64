#!/usr/bin/env bash
# One run against BROKER_BINARY (e.g. .build/release/samsa-broker): 5M records of 100 B, then one
# consume with rdkafka_performance (RDPERF, default /tmp/zc/rdkafka_performance) timed by /usr/bin/time,
# and the broker CPU during that consume; prints the broker's fetch.sendfile/copied byte counts.
# PY: a python with confluent-kafka (default .venv/bin/python). Usage: scripts/bench-zero-copy-client.sh BROKER_BINARY
set -u
BIN=$1; RD=${RDPERF:-/tmp/zc/rdkafka_performance}; PY=${PY:-.venv/bin/python}; N=5000000; port=$(( 20000 + RANDOM % 20000 )); dir=$(mktemp -d)
"$BIN" --override listeners=PLAINTEXT://127.0.0.1:$port --override log.dirs=$dir >$dir.log 2>&1 &
pid=$!
for _ in $(seq 150); do (echo >/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
"$PY" -c "
from confluent_kafka.admin import AdminClient, NewTopic
a=AdminClient({'bootstrap.servers':'127.0.0.1:$port'})
[f.result(15) for f in a.create_topics([NewTopic('perf',1,1)]).values()]" 2>/dev/null
$RD -P -t perf -p 0 -s 100 -c $N -a 1 -b 127.0.0.1:$port -X linger.ms=5 -X batch.num.messages=10000 -X queue.buffering.max.messages=1000000 >/dev/null 2>&1
c1=$(awk '{print $14+$15}' /proc/$pid/stat)
/usr/bin/time -f "client: user %U s, sys %S s, wall %e s" $RD -C -t perf -p 0 -o beginning -c $N -e -b 127.0.0.1:$port 2>&1 | grep -E "client:|msgs/s" | tail -2
c2=$(awk '{print $14+$15}' /proc/$pid/stat)
echo "broker CPU during the consume: $(( (c2-c1)*1000/$(getconf CLK_TCK) )) ms"
kill $pid; wait $pid 2>/dev/null; grep -o "fetch.sendfile.bytes=[0-9]*\|fetch.copied.bytes=[0-9]*" $dir.log | tr '\n' ' '; echo; rm -rf $dir $dir.log
