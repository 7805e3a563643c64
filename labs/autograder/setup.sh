#!/usr/bin/env bash
# Gradescope runs this once when it builds the autograder image (Ubuntu). The autograder zip holds
# the whole Samsa kit (this repository) at /autograder/source. It installs Swift and builds `samsa-lab` (the grader),
# so each submission only rebuilds the student's exercise files.
set -euo pipefail

SWIFT_VERSION="${SWIFT_VERSION:-6.1.2}"
SOURCE="${AUTOGRADER_ROOT:-/autograder}/source"

if ! command -v swift >/dev/null 2>&1; then
    apt-get update
    apt-get install -y --no-install-recommends binutils curl git gnupg2 libc6-dev libcurl4-openssl-dev \
        libedit2 libgcc-13-dev libncurses-dev libpython3-dev libsqlite3-0 libstdc++-13-dev libxml2-dev \
        libz3-dev pkg-config tzdata unzip zlib1g-dev ca-certificates
    . /etc/os-release
    platform="ubuntu${VERSION_ID}"
    archive="swift-${SWIFT_VERSION}-RELEASE-${platform}.tar.gz"
    curl -fsSL -o "/tmp/${archive}" \
        "https://download.swift.org/swift-${SWIFT_VERSION}-release/${platform//./}/swift-${SWIFT_VERSION}-RELEASE/${archive}"
    tar -xzf "/tmp/${archive}" -C /opt
    ln -sf "/opt/swift-${SWIFT_VERSION}-RELEASE-${platform}/usr/bin/"* /usr/local/bin/
fi

cd "$SOURCE"
swift build --product samsa-lab
