#!/bin/sh
# Stand-in for Harness's upgrader (tests only): needs what the real one needs to replace a Docker
# delegate on schedule (reference/harness-delegate.md §2.2), the Docker socket mounted, and logs
# what it would watch. It never writes the token anywhere.
ts() { date -u '+%Y-%m-%d %H:%M:%S,000'; }
log() { echo "$(ts) [upgrader] $1"; }
for name in ACCOUNT_ID MANAGER_HOST_AND_PORT UPGRADER_WORKLOAD_NAME UPGRADER_TOKEN SCHEDULE; do
    eval "value=\${$name:-}"
    if [ -z "$value" ]; then
        log "ERROR Missing $name. Stop."
        exit 1
    fi
done
if [ ! -S /var/run/docker.sock ]; then
    log "ERROR /var/run/docker.sock is not mounted. Stop."
    exit 1
fi
log "INFO Upgrader started for workload $UPGRADER_WORKLOAD_NAME, schedule $SCHEDULE"
trap 'exit 0' TERM INT
while :; do sleep 1; done
