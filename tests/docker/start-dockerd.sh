#!/bin/sh
# Starts a Docker engine in the background when `docker info` does not answer, and waits until it
# does. Idempotent: a running engine (ours or anyone's) is left alone. Works on a clean Debian 12
# root machine with docker.io installed (no systemd needed).
#   GS_DOCKERD_LOG   where dockerd logs (default /var/log/gs-dockerd.log)
#   GS_DOCKERD_WAIT  seconds to wait for the engine (default 60)
set -eu

log="${GS_DOCKERD_LOG:-/var/log/gs-dockerd.log}"
wait_s="${GS_DOCKERD_WAIT:-60}"

if docker info >/dev/null 2>&1; then
    exit 0
fi

if ! command -v dockerd >/dev/null 2>&1; then
    echo "start-dockerd: dockerd not found; install Debian's docker.io" >&2
    exit 1
fi

# Another caller may be starting it right now: one starter at a time.
lock=/run/gs-dockerd.lock
exec 9>"$lock"
if command -v flock >/dev/null 2>&1; then
    flock 9
fi

if ! docker info >/dev/null 2>&1; then
    pidfile=/var/run/docker.pid
    if [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
        : # a dockerd is already starting; just wait for it
    else
        rm -f "$pidfile"
        mkdir -p "$(dirname "$log")"
        # setsid: the engine outlives the shell (and the test) that started it.
        setsid dockerd >>"$log" 2>&1 </dev/null &
    fi
    i=0
    while ! docker info >/dev/null 2>&1; do
        i=$((i + 1))
        if [ "$i" -gt $((wait_s * 5)) ]; then
            echo "start-dockerd: the engine did not answer within ${wait_s}s; last lines of $log:" >&2
            tail -n 20 "$log" >&2 || true
            exit 1
        fi
        sleep 0.2
    done
fi
exit 0
