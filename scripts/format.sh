#!/usr/bin/env bash
# Formats the Swift sources with the toolchain's swift-format and .swift-format (4 spaces, 120
# columns). Generated code (*/Generated/) is left as samsa-codegen writes it.
#
#   scripts/format.sh           # rewrite the files in place
#   scripts/format.sh --check   # change nothing; list what differs and exit 1 (scripts/test.sh runs this)
set -euo pipefail
cd "$(dirname "$0")/.."
files=()
while IFS= read -r file; do files+=("$file"); done < <(find Sources Tests -name '*.swift' -not -path '*/Generated/*' | sort)
files+=(Package.swift)
if [ "${1:-}" = "--check" ]; then
  if ! swift format lint --strict --configuration .swift-format "${files[@]}"; then
    echo "format.sh: the sources above are not formatted; run scripts/format.sh" >&2
    exit 1
  fi
else
  swift format format --in-place --configuration .swift-format "${files[@]}"
fi
