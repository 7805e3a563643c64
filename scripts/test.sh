#!/usr/bin/env bash
# The README's test command: installs what the tests need, then runs `swift test "$@"`.
#
#   scripts/test.sh                      # everything
#   scripts/test.sh --filter Compat      # arguments go to `swift test` unchanged
#
# Installs, each only when missing:
#   - Debian packages (only when root and apt-get exists): kcat, zookeeper (ZooKeeper 3.8 and a
#     JRE, for differential tests), chromium (the slides and live view tests), python3-venv, and the codec runtime libraries SamsaClient
#     loads at run time (zlib1g, libsnappy1v5, liblz4-1, libzstd1).
#   - .venv/ in the repo root with the Python clients in
#     Tests/CompatibilityTests/clients/requirements.txt (reinstalled when that file changes).
# Exports SAMSA_PYTHON, SAMSA_KCAT and SAMSA_ZOOKEEPER_HOME for the tests (values already set in
# the environment win). A failed install is reported and the tests still run: the tests that
# need the tool skip, or fail when CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

say() { printf 'test.sh: %s\n' "$*" >&2; }

# --- Debian packages ---------------------------------------------------------------------------
deb_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

if command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  deb_installed kcat || missing+=(kcat)
  deb_installed zookeeper || missing+=(zookeeper)
  # Headless Chromium renders every slide (Tests/SlidesTests) and opens the live view
  # (Tests/REPLTests/LiveViewBrowserTests, driven by Python's standard library); it brings fonts-liberation.
  deb_installed chromium || missing+=(chromium)
  # Runtime libraries SamsaClient loads with dlopen for the compression codecs (no -dev needed).
  for lib in zlib1g libsnappy1v5 liblz4-1 libzstd1; do deb_installed "$lib" || missing+=("$lib"); done
  python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || missing+=(python3 python3-venv)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      say "installing Debian packages: ${missing[*]}"
      export DEBIAN_FRONTEND=noninteractive
      if ! { apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null; }; then
        say "apt-get could not install ${missing[*]}; tests that need them will skip (fail under CI=true)"
      fi
    else
      say "missing ${missing[*]} and not root, so not installing them; tests that need them will skip"
    fi
  fi
fi

# --- Python clients in .venv/ ------------------------------------------------------------------
requirements=Tests/CompatibilityTests/clients/requirements.txt
venv=$root/.venv
stamp=$venv/.samsa-requirements
if command -v python3 >/dev/null 2>&1; then
  want="$(python3 -c 'import sys; print(sys.version.split()[0])') $(cksum <"$requirements")"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] &&
     "$venv/bin/python" -c 'import confluent_kafka, kafka, kazoo, snappy, lz4, zstandard' >/dev/null 2>&1; then
    : # up to date
  else
    say "preparing $venv with $requirements"
    rm -f "$stamp"
    if ! "$venv/bin/python" -c '' >/dev/null 2>&1 || [ ! -x "$venv/bin/pip" ]; then
      python3 -m venv --clear "$venv" || say "python3 -m venv failed"
    fi
    if "$venv/bin/pip" install -q --disable-pip-version-check -r "$requirements"; then
      printf '%s\n' "$want" >"$stamp"
    else
      say "pip could not install $requirements; Python client tests will skip (fail under CI=true)"
    fi
  fi
else
  say "no python3; Python client tests will skip (fail under CI=true)"
fi

# --- Tell the tests where things are -----------------------------------------------------------
if [ -z "${SAMSA_PYTHON:-}" ] && [ -x "$venv/bin/python" ]; then
  export SAMSA_PYTHON=$venv/bin/python
fi
if [ -z "${SAMSA_KCAT:-}" ] && command -v kcat >/dev/null 2>&1; then
  SAMSA_KCAT=$(command -v kcat)
  export SAMSA_KCAT
fi
if [ -z "${SAMSA_ZOOKEEPER_HOME:-}" ] && [ -x /usr/share/zookeeper/bin/zkServer.sh ]; then
  export SAMSA_ZOOKEEPER_HOME=/usr/share/zookeeper   # Debian: scripts here, jars in /usr/share/java
fi

# --- Sources are formatted ---------------------------------------------------------------------
# swift-format ships with the Swift toolchain; .swift-format holds the rules (fix: scripts/format.sh).
if [ $# -eq 0 ]; then
  scripts/format.sh --check
fi

# --- Generated code is up to date -------------------------------------------------------------
# The Kafka codecs (schemas/kafka/*.json) and the ZooKeeper jute records (schemas/zookeeper.jute) are
# generated and checked in; a hand edit or a schema change without regenerating fails here (fix:
# swift run samsa-codegen).
if [ $# -eq 0 ]; then
  swift run --quiet samsa-codegen --check
fi

exec swift test "$@"
