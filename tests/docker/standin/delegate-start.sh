#!/bin/sh
# Stand-in for the Harness Docker delegate (tests only). At its edges it behaves like the real
# one (reference/harness-delegate.md §3): needs ACCOUNT_ID and DELEGATE_TOKEN, refuses a bad
# token with the documented line, reaches RUNNER_URL by name, logs "Delegate registered with id",
# and its HEALTHCHECK turns healthy once registered. It never writes the token anywhere.
# Designated test values: a token starting with "YmFk" is invalid, "cmV2" revoked, "ZXhw" expired;
# an ACCOUNT_ID starting with "notfound" is unknown to the manager.
ts() { date -u '+%Y-%m-%d %H:%M:%S,000'; }
log() { echo "$(ts) [main] $1"; }

if [ -z "${ACCOUNT_ID:-}" ]; then
    log "ERROR Missing ACCOUNT_ID. Stop launching delegate."
    exit 1
fi
token="${DELEGATE_TOKEN:-${ACCOUNT_SECRET:-}}"
if [ -z "$token" ]; then
    log "ERROR Missing DELEGATE_TOKEN. Stop launching delegate."
    exit 1
fi
manager="${MANAGER_HOST_AND_PORT:-}"
if [ -z "$manager" ]; then
    log "ERROR Missing MANAGER_HOST_AND_PORT. Stop launching delegate."
    exit 1
fi
log "INFO Delegate will start running on JRE 17.0.13"
case "$ACCOUNT_ID" in
notfound*)
    log "ERROR Account ID: $ACCOUNT_ID not found. Stop launching delegate."
    exit 2
    ;;
esac
log "INFO Registering delegate with delegate name: ${DELEGATE_NAME:-}"
log "INFO Registering delegate"
valid=1
case "$token" in
YmFk*) valid=0 ;;
cmV2*)
    log "WARN Received Error Response: {\"code\":\"INVALID_TOKEN\"}"
    log "WARN Delegate used revoked token. It will be frozen and drained."
    while :; do sleep 60; done
    ;;
ZXhw*)
    log "WARN Received Error Response: {\"code\":\"EXPIRED_TOKEN\"}"
    log "WARN Delegate used expired token. It will be frozen and drained."
    while :; do sleep 60; done
    ;;
esac
if ! echo "$token" | grep -Eq '^[A-Za-z0-9+/]{43}=$'; then
    valid=0
fi
if [ "$valid" = 0 ]; then
    log "ERROR Received Error Response: {\"code\":\"INVALID_TOKEN\",\"message\":\"Invalid delegate token\"}"
    log "ERROR Delegate used invalid token. Self destruct procedure will be initiated."
    exit 1
fi

# The runner must answer by name on the shared network before the delegate counts as working.
runner="${RUNNER_URL:-http://127.0.0.1:3000/}"
runner="${runner%/}"
host_port="${runner#*://}"
i=0
# (busybox-static wget crashes with -T: bound it with timeout instead)
until timeout 3 wget -q -O /dev/null "$runner/healthz" 2>/dev/null; do
    i=$((i + 1))
    log "ERROR [citasks.vm.helper.HttpHelper] Failed to connect to /$host_port"
    if [ "$i" -ge 120 ]; then
        exit 1
    fi
    sleep 1
done

id=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
log "INFO Delegate registered with id $id"
log "INFO [New] Delegate registered in 42 ms"
log "INFO Event:OPEN, message:[websocket]"
mkdir -p /www/api
printf 'OK' >/www/api/health
log "INFO Delegate started with config {name=${DELEGATE_NAME:-}, tags=${DELEGATE_TAGS:-}, manager=$manager, runner=$runner/}"
# Stops at once on SIGTERM, as the real delegate's JVM does (no 10 s grace as a deaf PID 1).
httpd -f -p "${DELEGATE_HTTP_PORT:-3460}" -h /www &
server=$!
trap 'log "INFO Shutting down"; kill "$server" 2>/dev/null; exit 0' TERM INT
wait "$server"
