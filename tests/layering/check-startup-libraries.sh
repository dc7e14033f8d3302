#!/bin/sh
# What a start maps is what it pays for in dynamic linking before main() (tests/bench/startup).
# The networking stacks are loaded when first used, so they must not be among a binary's
# start-up libraries: libssh (core/remote/LibSsh.h) with libcrypto, Qt Network (the Harness
# HTTP plugin) with Kerberos. Usage: check-startup-libraries.sh BINARY...
set -u
status=0
for binary in "$@"; do
    if ! libraries=$(ldd "$binary"); then
        echo "startup-libraries: cannot list the libraries of $binary" >&2
        status=1
        continue
    fi
    hits=$(printf '%s\n' "$libraries" | grep -E 'libssh\.so|libcrypto\.so|libQt6Network\.so|libgssapi_krb5\.so')
    if [ -n "$hits" ]; then
        echo "startup-libraries: $binary maps at start what it should load on first use:" >&2
        printf '%s\n' "$hits" >&2
        status=1
    fi
done
[ $status -eq 0 ] && echo "startup-libraries: no networking stack mapped at start"
exit $status
