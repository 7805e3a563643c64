#!/bin/sh
# Replays a lab's reference commands.log N times on fresh clusters, the way `samsa grade --replay`
# does (LabReplay: the REPL lines of the log, minus the commands that only show things, run by
# `samsa --keep-going --script` on a new detached cluster), and prints per run and per topic the
# records acknowledged (produce's `→ T-P offset` lines), the records read back at the end (the last
# `Read N records from T`), the difference, and how long the replay took.
#
#   scripts/replay-lab.sh LAB [N]        e.g. scripts/replay-lab.sh 3 10
#
# Labs with variants are replayed for student $STUDENT (default alumna-c): the reference filled
# with that student's values by `samsa lab solution`.
# Needs a built samsa (swift build --product samsa; SAMSA=path overrides .build/debug/samsa). Each
# replay takes /tmp/samsa-build.lock (the build machine is shared); the cluster of each run is
# destroyed afterwards, its transcript and logs kept in $OUT (default a new temporary folder). The
# seconds printed are the replay's own, timed once it holds the lock.
set -eu
lab=${1:?usage: scripts/replay-lab.sh LAB [N]}
runs=${2:-1}
root=$(cd "$(dirname "$0")/.." && pwd)
samsa=${SAMSA:-$root/.build/debug/samsa}
folder=$(ls -d "$root"/labs/$(printf '%02d' "$lab")-*/ 2>/dev/null | head -n 1)
[ -n "$folder" ] || { echo "replay-lab: no lab $lab in $root/labs" >&2; exit 1; }
[ -x "$samsa" ] || { echo "replay-lab: no samsa at $samsa; swift build --product samsa" >&2; exit 1; }
out=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/samsa-replay-lab$lab.XXXXXX")}
mkdir -p "$out"
"$samsa" lab solution --labs "$root/labs" --lab "$lab" --student-id "${STUDENT:-alumna-c}" --output "$out/reference" > /dev/null
log=$out/reference/commands.log
[ -f "$log" ] || { echo "replay-lab: no reference log for lab $lab" >&2; exit 1; }
brokers=$(sed -n 's/.*"brokers" *: *\([0-9]*\).*/\1/p' "$folder/lab.json" | head -n 1)

# The script LabReplay.script(from:cluster:) builds: REPL lines only (field 3; field 4, the
# outcome, is not looked at: a command that failed is run again), LabReplay.skippedCommands
# dropped, the lab's cluster started detached first.
script=$out/replay.samsa
{
    echo "cluster start --brokers ${brokers:-3} --detach"
    awk -F '\t' '$2 == "repl" { print $3 }' "$log" | grep -v -E \
        '^(lab|quit|exit|help|explain|watch|source|meta|broker logs|cluster (stop|destroy|status|start)|topic (list|describe)|group (list|describe)|fault list)( |$)'
} > "$script"

i=1
while [ "$i" -le "$runs" ]; do
    dir=$out/run-$i
    mkdir -p "$dir"
    # Timed inside the lock: the waiting for other builds is not the replay's.
    flock /tmp/samsa-build.lock sh -c '
        start=$(date +%s)
        env NO_COLOR=1 "$1" --directory "$2" --cluster replay --keep-going --script "$3" > "$2/transcript.txt" 2>&1
        echo $(( $(date +%s) - start )) > "$2/seconds"' replay "$samsa" "$dir" "$script" || true
    took=$(cat "$dir/seconds" 2>/dev/null || echo '?')
    # The cluster's logs are kept (controller decisions, elections) before it is destroyed.
    cp -r "$dir/.samsa/replay/logs" "$dir/logs" 2>/dev/null || true
    printf 'cluster destroy\n' > "$dir/destroy.samsa"
    "$samsa" --directory "$dir" --cluster replay --script "$dir/destroy.samsa" > /dev/null 2>&1 || true
    summary=$(awk '
        /^→ [^ ]+-[0-9]+ offset [0-9]+/ { split($2, tp, "-"); t = $2; sub(/-[0-9]+$/, "", t); acked[t]++ ; seen[t] = 1 }
        /^Read [0-9]+ records? from / { read[$5] = $2; seen[$5] = 1 }
        END {
            for (t in seen) {
                a = acked[t] + 0; r = (t in read) ? read[t] : "-"
                lost = (t in read) ? a - read[t] : "-"
                printf "%s: acknowledged %d, read %s, lost %s; ", t, a, r, lost
            }
        }' "$dir/transcript.txt" | tr ';' '\n' | sed 's/^ //' | grep . | sort | tr '\n' ';')
    failed=$(grep -c '^samsa: .* line [0-9]*:' "$dir/transcript.txt" || true)
    # `consumer list` tables: the sum of the right-aligned "read twice" column (Lab 5).
    twice=$(awk '
        /read twice/ { end = index($0, "read twice") + length("read twice") - 1; listing = 1; next }
        listing && NF > 2 { n = split(substr($0, 1, end), f, " "); if (f[n] ~ /^[0-9]+$/) { sum += f[n]; seen = 1; next } }
        { listing = 0 }
        END { if (seen) printf "read twice %d; ", sum }' "$dir/transcript.txt")
    echo "run $i: ${took} s; ${failed} command(s) failed; ${twice}$summary"
    i=$((i + 1))
done
echo "transcripts: $out"
