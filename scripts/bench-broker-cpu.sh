#!/bin/bash
# CPU seconds of the broker and of the client during a produce and a consume of N records,
# to see which side is the bottleneck. Usage: scripts/bench-broker-cpu.sh 'BROKER COMMAND using $PORT and $DIR'
# usage: cpu_bench.sh BROKERCMD(with $PORT $DIR)
PY=${VENV:-/tmp/bench-venv}/bin/python  # a venv with confluent-kafka (compare.sh makes one)
export PORT=$(( 20000 + RANDOM % 20000 )) DIR=$(mktemp -d)
bash -c "exec $1" > $DIR.log 2>&1 &
BPID=$!
for i in $(seq 50); do (echo > /dev/tcp/127.0.0.1/$PORT) 2>/dev/null && break; sleep 0.1; done
ticks() { awk '{print $14+$15}' /proc/$1/stat; }
t0=$(ticks $BPID); s0=$(date +%s.%N)
/usr/bin/time -f "client cpu %U+%S s wall %e s" $PY $(dirname "$0")/../../shared/bench/perf_produce.py 127.0.0.1:$PORT bench ${N:-1000000} 100 1 1 2>&1 | tail -2
t1=$(ticks $BPID); s1=$(date +%s.%N)
echo "broker cpu during produce: $(( (t1-t0) )) ticks (1/100 s) over $(echo "$s1-$s0" | bc) s"
/usr/bin/time -f "client cpu %U+%S s wall %e s" $PY $(dirname "$0")/../../shared/bench/perf_consume.py 127.0.0.1:$PORT bench ${N:-1000000} 2>&1 | tail -2
t2=$(ticks $BPID); s2=$(date +%s.%N)
echo "broker cpu during consume: $(( (t2-t1) )) ticks over $(echo "$s2-$s1" | bc) s"
echo "broker rss: $(ps -o rss= -p $BPID) kB"
kill $BPID; wait $BPID 2>/dev/null; rm -rf $DIR $DIR.log
