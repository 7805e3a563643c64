#!/usr/bin/env bash
# The REPL's speed goals of issue 7, measured with a release build in a temporary folder:
#   1. `cluster start` of 3 brokers to ready (all registered in /brokers/ids, a controller elected,
#      every broker's Metadata lists all three): the time `samsa` itself reports, and the wall time
#      of a whole `samsa` run that does only that (goal ≤ 2 s);
#   2. REPL commands on the running cluster (goal ≤ 100 ms each): N copies of a command in one
#      script, minus the same script without them, divided by N (samsa's start-up cancels out);
#   3. RSS of the idle cluster, metadata server plus 3 brokers, from /proc/PID/status (goal ≤ 150 MB).
# Processes are stopped with `cluster destroy` (by the PIDs in cluster.json); ports are 2181/9092..
# or free ones. Usage: swift build -c release --product samsa && scripts/bench-repl.sh [RUNS] [N]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-$PWD/.build/release}
RUNS=${1:-5}
N=${2:-20}
DIR=$(mktemp -d)
samsa() { (cd "$DIR" && NO_COLOR=1 "$BIN/samsa" --directory "$DIR" "$@"); }
cleanup() { printf 'cluster destroy\n' | samsa >/dev/null 2>&1 || true; rm -rf "$DIR"; }
trap cleanup EXIT
now() { date +%s.%N; }

echo "== cluster start (3 brokers) to ready, $RUNS runs"
for run in $(seq "$RUNS"); do
  start=$(now)
  reported=$(printf 'cluster start --detach\n' | samsa | sed -n 's/.*ready in \([0-9.]*\) s.*/\1/p')
  end=$(now)
  printf '  run %d: samsa reports %s s; whole samsa run %.2f s\n' "$run" "$reported" "$(echo "$end - $start" | bc)"
  printf 'cluster destroy\n' | samsa >/dev/null
done

echo "== REPL commands on a running cluster, mean of $N each (samsa start-up subtracted)"
printf 'cluster start --detach\ntopic create orders --partitions 3 --replication-factor 3\nproduce orders --count 30\nconsume orders --group billing --from-beginning --max-messages 30\n' | samsa >/dev/null
commands=(
  "cluster status"
  "topic list"
  "topic describe orders"
  "produce orders one-record"
  "consume orders --partition 0 --from-beginning --max-messages 1"
  "group list"
  "group describe billing"
  "meta get /brokers/topics/orders/partitions/0/state"
  "explain isr"
)
run_script() { # $1: file; prints wall seconds
  local s e; s=$(now); samsa --script "$1" >/dev/null; e=$(now); echo "$e - $s" | bc; }
printf '# baseline: attach only\n' > "$DIR/base.samsa"
base=0
for _ in 1 2 3; do base=$(echo "$base + $(run_script "$DIR/base.samsa")" | bc); done
base=$(echo "scale=4; $base / 3" | bc)
printf '  samsa start-up and reattach: %.0f ms\n' "$(echo "$base * 1000" | bc)"
for command in "${commands[@]}"; do
  : > "$DIR/cmd.samsa"
  for _ in $(seq "$N"); do echo "$command" >> "$DIR/cmd.samsa"; done
  total=$(run_script "$DIR/cmd.samsa")
  printf '  %-62s %6.1f ms\n' "$command" "$(echo "($total - $base) * 1000 / $N" | bc -l)"
done

echo "== RSS of the idle cluster (after 5 s idle)"
sleep 5
python3 - "$DIR/.samsa/lab/cluster.json" <<'PY'
import json, sys
state = json.load(open(sys.argv[1]))
processes = ([state["metadataServer"]] if state.get("metadataServer") else []) + state["brokers"]
total = 0
for record in processes:
    name = str(record["role"])
    pid = record.get("pid")
    rss = 0
    for line in open("/proc/%d/status" % pid):
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1]) * 1024 // 1000  # kB (KiB) to decimal kB, as ps users read MB
    total += rss
    print("  %-16s pid %-7d %6.1f MB" % (name, pid, rss / 1000))
print("  total                    %6.1f MB" % (total / 1000))
PY
