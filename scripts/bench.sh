#!/usr/bin/env bash
# Builds and runs the benchmarks; each prints its figures and its ratio against a baseline run
# side by side (start-up vs a bare QWizard, validation vs yaml-cpp alone, apply vs one OpenSSH
# connection running the same commands).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
tests/docker/start-dockerd.sh
BUILD_DIR=build scripts/build.sh -DBUILD_TESTING=ON
ctest --test-dir build --output-on-failure -L bench -V
