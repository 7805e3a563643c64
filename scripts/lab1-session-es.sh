#!/bin/sh
# Captures the REPL part of Lab 1 (steps 1, 9–13) in Spanish, as a student who chose
# `--language es` sees it: every line runs as `samsa --script` in one project folder (a copy of
# labs/), the way the slide builder runs examples, so each command's output follows it.
# `cluster start --detach` keeps the cluster between those runs; `cluster destroy` ends it.
#
#   scripts/lab1-session-es.sh [OUT]     (needs a built samsa: swift build --product samsa)
#   default OUT: docs/lab1-session.es.txt
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
samsa=${SAMSA:-$root/.build/debug/samsa}
out=${1:-$root/docs/lab1-session.es.txt}
work=$(mktemp -d "${TMPDIR:-/tmp}/samsa-lab1-es.XXXXXX")
cp -R "$root/labs" "$work/labs"
rm -rf "$work"/labs/*/solution "$work/labs/01-first-cluster/commands.log"
cleanup() {
    printf 'cluster destroy\n' > "$work/line.samsa"
    "$samsa" --directory "$work" --script "$work/line.samsa" > /dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

# One line typed at the prompt: shown, then run with its output (errors included) below it.
run() {
    printf 'samsa> %s\n' "$1" >> "$out"
    printf '%s\n' "$1" > "$work/line.samsa"
    (cd "$work" && "$samsa" --script "$work/line.samsa" --directory "$work" >> "$out" 2>&1) || true
}

: > "$out"
printf '$ samsa --language es\n' >> "$out"
: > "$work/line.samsa"
(cd "$work" && "$samsa" --language es --directory "$work" --script "$work/line.samsa" >> "$out" 2>&1)
run "lab id set alumna-c"
run "lab start 1"
for step in 2 3 4 5 6 7 8 9; do run "lab next"; done
run "cluster destroy"
run "cluster start --detach"
run "lab next"
run "meta ls /"
run "meta ls /brokers/ids"
run "meta get /controller"
run "lab next"
run "topic create greetings --partitions 1 --replication-factor 3"
run "produce greetings hola hello bonjour"
run "meta ls /brokers/topics"
run "lab next"
stopped=$(sed -n 's/.*Para el broker \([0-9]\).*/\1/p' "$out" | head -1)
live=$(sed -n 's/.*meta stat \/brokers\/ids\/\([0-9]\).*/\1/p' "$out" | head -1)
run "broker stop $stopped"
run "meta ls /brokers/ids"
run "meta stat /brokers/ids/$live"
run "lab hint"
run "explain ephemeral"
run "explain sesión"
run "kafka-topics --bootstrap-server localhost:9092 --list"
run "lab next"
run "lab check"
run "cluster destroy"
# Paths of the temporary folder would differ on every run.
sed -i "s|$work|~/samsa|g" "$out"
echo "wrote $out"
