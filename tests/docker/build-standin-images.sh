#!/bin/sh
# Builds the stand-in runner and delegate images under the REAL names (nothing can be pulled
# here): `docker import` of a busybox-static root plus a small entry script each. Idempotent and
# fast: an image whose recorded recipe hash matches is kept.
#   build-standin-images.sh [--force]
set -eu

here=$(cd "$(dirname "$0")" && pwd)
RUNNER_IMAGE="${GS_RUNNER_IMAGE:-drone/drone-runner-aws:latest}"
DELEGATE_IMAGE="${GS_DELEGATE_IMAGE:-us-west1-docker.pkg.dev/gar-setup/docker/delegate:25.03.85504}"
# A second delegate tag, a different image (its own label), for the upgrade tests.
DELEGATE_IMAGE_NEXT="${DELEGATE_IMAGE%:*}:26.11.90210"
UPGRADER_IMAGE="us-docker.pkg.dev/gar-prod-setup/harness-public/harness/upgrader:latest"
force=0
[ "${1:-}" = "--force" ] && force=1

"$here/start-dockerd.sh"

busybox=$(command -v busybox || true)
if [ -z "$busybox" ] || ! file -L "$busybox" 2>/dev/null | grep -q 'statically linked'; then
    [ -x /bin/busybox ] && busybox=/bin/busybox
fi
if [ -z "$busybox" ]; then
    echo "build-standin-images: busybox not found; install Debian's busybox-static" >&2
    exit 1
fi

# The recipe: the busybox binary plus this script and the entry scripts.
recipe=$(cat "$busybox" "$0" "$here/standin/drone-runner-aws" "$here/standin/delegate-start.sh" \
    "$here/standin/curl" "$here/standin/upgrader-start.sh" | sha256sum | cut -c1-16)

current() { docker image inspect -f '{{index .Config.Labels "gs.standin"}}' "$1" 2>/dev/null || true; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

make_root() {
    root="$work/$1"
    mkdir -p "$root/bin" "$root/www" "$root/tmp" "$root/etc" "$root/proc" "$root/sys" "$root/dev"
    chmod 1777 "$root/tmp"
    cp "$busybox" "$root/bin/busybox"
    for applet in $("$busybox" --list); do
        [ -e "$root/bin/$applet" ] || ln -s busybox "$root/bin/$applet"
    done
    echo 'root:x:0:0:root:/root:/bin/sh' >"$root/etc/passwd"
    echo 'root:x:0:' >"$root/etc/group"
    cp "$here/standin/curl" "$root/bin/curl"
}

build_runner() {
    make_root runner
    cp "$here/standin/drone-runner-aws" "$work/runner/bin/drone-runner-aws"
    printf 'OK' >"$work/runner/www/healthz"
    tar -C "$work/runner" -c . | docker import \
        --change 'ENTRYPOINT ["/bin/drone-runner-aws"]' \
        --change 'EXPOSE 3000' \
        --change "LABEL gs.standin=$recipe" \
        - "$RUNNER_IMAGE" >/dev/null
}

build_delegate() {
    make_root delegate
    cp "$here/standin/delegate-start.sh" "$work/delegate/bin/start.sh"
    for image in "$DELEGATE_IMAGE" "$DELEGATE_IMAGE_NEXT"; do
        tar -C "$work/delegate" -c . | docker import \
            --change 'ENTRYPOINT ["/bin/start.sh"]' \
            --change 'HEALTHCHECK --interval=1s --timeout=1s --start-period=1s --retries=3 CMD wget -q -O /dev/null http://127.0.0.1:3460/api/health || exit 1' \
            --change "LABEL gs.standin=$recipe" \
            --change "LABEL gs.tag=${image##*:}" \
            - "$image" >/dev/null
    done
}

build_upgrader() {
    make_root upgrader
    cp "$here/standin/upgrader-start.sh" "$work/upgrader/bin/start.sh"
    tar -C "$work/upgrader" -c . | docker import \
        --change 'ENTRYPOINT ["/bin/start.sh"]' \
        --change "LABEL gs.standin=$recipe" \
        - "$UPGRADER_IMAGE" >/dev/null
}

if [ "$force" = 1 ] || [ "$(current "$RUNNER_IMAGE")" != "$recipe" ]; then
    build_runner
    echo "built $RUNNER_IMAGE"
fi
if [ "$force" = 1 ] || [ "$(current "$DELEGATE_IMAGE")" != "$recipe" ] ||
    [ "$(current "$DELEGATE_IMAGE_NEXT")" != "$recipe" ]; then
    build_delegate
    echo "built $DELEGATE_IMAGE and $DELEGATE_IMAGE_NEXT"
fi
if [ "$force" = 1 ] || [ "$(current "$UPGRADER_IMAGE")" != "$recipe" ]; then
    build_upgrader
    echo "built $UPGRADER_IMAGE"
fi
exit 0
