#!/usr/bin/env bash
# Installs what is needed, builds with warnings as errors, starts the services the tests need
# (dockerd; each sshd and the Secret Service are started by the tests themselves), and runs every
# test. Extra arguments go to ctest (e.g. -L unit, -R Pool).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
BUILD_DIR=build scripts/build.sh -DGS_WERROR=ON -DBUILD_TESTING=ON
tests/docker/start-dockerd.sh

# Benchmarks print figures; they are run by scripts/bench.sh, not judged as tests.
ctest --test-dir build --output-on-failure --no-tests=error -LE bench -j "$(nproc)" "$@"
