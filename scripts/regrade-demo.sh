#!/bin/sh
# Builds a class of 30 generated Lab 3 submissions and regrades them in one command, to show what
# `samsa grade --submissions` gives an instructor and how long it takes:
#   s01–s15  the reference filled for their own id (right)
#   s16–s21  their own reference with two answers wrong
#   s22–s26  s01's files handed in as their own (copied)
#   s27–s28  their own reference with an exercise that does not compile (Lab 3 has no exercise
#            tasks: the broken file must change nothing)
#   s29–s30  empty folders (nothing submitted)
#
#   scripts/regrade-demo.sh [OUT]        (needs a built samsa: swift build --product samsa)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
samsa=${SAMSA:-$root/.build/debug/samsa}
out=${1:-$(mktemp -d "${TMPDIR:-/tmp}/samsa-regrade.XXXXXX")}
subs=$out/submissions
mkdir -p "$subs"
for n in $(seq -w 1 30); do
    id=s$n
    dir=$subs/$id
    mkdir -p "$dir"
    case $n in
        29|30) continue ;;
        2[2-6]) from=s01 ;;
        *) from=$id ;;
    esac
    "$samsa" lab solution --labs "$root/labs" --lab 3 --student-id "$from" --output "$dir" > /dev/null
    case $n in
        1[6-9]|2[01]) sed -i -e 's/^lost_records_acks_all = .*/lost_records_acks_all = 3/' \
                          -e 's/^acks_all_error = .*/acks_all_error = TIMEOUT/' "$dir/answers.properties" ;;
        2[78]) mkdir -p "$dir/exercise" && printf 'func broken( {\n' > "$dir/exercise/Broken.swift" ;;
    esac
done
start=$(date +%s.%N)
"$samsa" grade --submissions "$subs" --lab 3 --labs "$root/labs" --output "$out/grades.csv"
end=$(date +%s.%N)
echo "regraded 30 submissions in $(echo "$end - $start" | bc) s: $out/grades.csv"
