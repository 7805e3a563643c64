#!/usr/bin/env bash
# What the live view costs the REPL on an idle cluster (issue 17: ≤ 5 MB RSS, ≤ 1% CPU):
# one `samsa` fed a script through a FIFO starts 3 brokers and a topic, then sits idle for
# SECONDS (RSS from /proc/PID/status, CPU from utime+stime in /proc/PID/stat); then `ui`, a headless
# Chromium opens the page (Tests/REPLTests/browser/live_view_probe.py), and the same is measured
# again. Without `ui` a script runs no metadata watch, so the difference also holds the watch.
# Every process ends with the script: Chromium when the probe's input closes, the cluster when
# samsa's input closes. Usage: swift build --product samsa && scripts/bench-live-view.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
BIN=${BIN:-$root/.build/debug}
SECONDS_IDLE=${1:-60}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
DIR=$(mktemp -d)
mkfifo "$DIR/samsa.in" "$DIR/probe.in"
(cd "$DIR" && NO_COLOR=1 "$BIN/samsa" --directory "$DIR" <"$DIR/samsa.in" >"$DIR/samsa.out" 2>&1) &
exec 3>"$DIR/samsa.in"
samsa_pid=""
probe_pid=""
cleanup() {
  exec 4>&- 2>/dev/null || true
  exec 3>&- 2>/dev/null || true
  [ -n "$probe_pid" ] && wait "$probe_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$DIR"
}
trap cleanup EXIT
say() { printf '%s\n' "$*" >&3; }
wait_for() { # $1: text in samsa's output; at most 60 s
  for _ in $(seq 600); do grep -q -- "$1" "$DIR/samsa.out" && return 0; sleep 0.1; done
  echo "never printed: $1" >&2; cat "$DIR/samsa.out" >&2; exit 1
}
measure() { # $1: label; prints RSS (MB) and CPU (%) of samsa over SECONDS_IDLE
  local rss ticks0 ticks1 hz
  hz=$(getconf CLK_TCK)
  ticks0=$(awk '{print $14 + $15}' "/proc/$samsa_pid/stat")
  sleep "$SECONDS_IDLE"
  ticks1=$(awk '{print $14 + $15}' "/proc/$samsa_pid/stat")
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$samsa_pid/status")
  printf '  %-34s RSS %6.1f MB   CPU %5.2f %% (%d ticks of 1/%d s in %d s)\n' "$1" "$(echo "$rss / 1000" | bc -l)" \
    "$(echo "($ticks1 - $ticks0) * 100 / $hz / $SECONDS_IDLE" | bc -l)" "$((ticks1 - ticks0))" "$hz" "$SECONDS_IDLE"
}

say "cluster start --brokers 3"
say "topic create orders --partitions 3 --replication-factor 3"
say "produce orders --count 30"
say "explain isr"
wait_for "The in-sync replicas"
samsa_pid=$(pgrep -n -f "^$BIN/samsa --directory $DIR\$" || true)
[ -n "$samsa_pid" ] || { echo "no samsa process" >&2; exit 1; }
echo "== samsa (pid $samsa_pid, $BIN) with an idle 3-broker cluster, $SECONDS_IDLE s each"
sleep 5
measure "without the live view"
say "ui"
wait_for "token="
url=$(grep -o 'http://127.0.0.1:[0-9]*/?token=[0-9a-f]*' "$DIR/samsa.out" | head -1)
python3 "$root/Tests/REPLTests/browser/live_view_probe.py" "$CHROMIUM" "$url" <"$DIR/probe.in" >"$DIR/probe.out" &
probe_pid=$!
exec 4>"$DIR/probe.in"
printf 'wait 20 document.querySelector("[data-partition]") !== null\n' >&4
for _ in $(seq 300); do grep -q '"elapsed"' "$DIR/probe.out" && break; sleep 0.1; done
grep -q '"ok": true, "value": true' "$DIR/probe.out" || { echo "the page did not show the cluster: $(cat "$DIR/probe.out")" >&2; exit 1; }
sleep 5
measure "with ui and one page open"
