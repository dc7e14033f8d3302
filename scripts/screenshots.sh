#!/usr/bin/env bash
# Renders every wizard page, in English and German, at 1280x800, the wizard's default size and
# its minimum size, into OUTDIR/<lang>/<size>/<NN>-<page>-<state>.png. No X server needed
# (Qt's offscreen platform). Builds the renderer (tests/wizard/screenshots) first if needed.
#   scripts/screenshots.sh OUTDIR [--lang en|de] [--size 1280x800|default|minimum] [--no-sshd]
# Prints each file written with its size in pixels; on stderr, each page that gets less room
# than its layout needs ("squeezed: …"). As root it starts a throwaway sshd (tests/support) for
# the Connect page's host-key states; --no-sshd skips them.
set -euo pipefail
if [ $# -lt 1 ] || [ "${1#-}" != "$1" ]; then
    echo "usage: $0 OUTDIR [--lang en|de] [--size 1280x800|default|minimum] [--no-sshd]" >&2
    exit 2
fi
out="$(realpath -m "$1")"
shift
cd "$(dirname "$0")/.."
build_dir="${BUILD_DIR:-build}"
if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    cmake -S . -B "$build_dir" -G Ninja -DBUILD_TESTING=ON >/dev/null
fi
cmake --build "$build_dir" --target render_pages gs_http_qtnetwork --parallel "$(nproc)" >/dev/null
mkdir -p "$out"
# The HTTP component the app loads at run time, as an installed app finds it: the Delegate page
# then shows what a real install shows, not "cannot make HTTP requests".
GITSPACES_SETUP_PLUGIN_DIR="$(realpath "$build_dir")/lib/gitspaces-setup" \
    QT_QPA_PLATFORM=offscreen "$build_dir/tests/wizard/screenshots/render_pages" "$@" "$out"
