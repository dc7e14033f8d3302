#!/usr/bin/env bash
# Installs what is needed, builds with warnings as errors, starts the services the tests need
# (dockerd; each sshd and the Secret Service are started by the tests themselves), and runs every
# test: once in a normal build, once more under AddressSanitizer and UndefinedBehaviorSanitizer.
# Extra arguments go to ctest (e.g. -L unit, -R Pool). GS_SKIP_SANITIZERS=1 skips the second pass.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
tests/docker/start-dockerd.sh

# Benchmarks print figures; scripts/bench.sh runs them, they are not judged as tests.
BUILD_DIR=build scripts/build.sh -DGS_WERROR=ON -DBUILD_TESTING=ON
ctest --test-dir build --output-on-failure --no-tests=error -LE bench -j "$(nproc)" "$@"

if [ "${GS_SKIP_SANITIZERS:-0}" != 1 ]; then
    # The fuzzer already runs sanitized inside the first pass.
    BUILD_DIR=build-asan scripts/build.sh -DGS_WERROR=ON -DBUILD_TESTING=ON -DGS_SANITIZE=ON
    # OpenSSL's per-thread caches are reported at exit by every process that used TLS or SSH.
    export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp"
    # The Ansible run tests Ansible against the host (a minute behind the Docker lock); our part
    # of it, the export, runs sanitized in tst_AnsibleExport and tst_ExportAnsibleCli. The
    # day-two CLI (status, logs, upgrade-delegate) runs once: its engine runs sanitized in
    # tst_host_shapes (every day-two job on every host shape) and tst_Manage.
    ctest --test-dir build-asan --output-on-failure --no-tests=error -LE 'bench|fuzz|ansible|daytwo' \
        -j "$(nproc)" "$@"
fi
