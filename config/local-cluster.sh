#!/usr/bin/env bash
# Builds the WAR and runs a local cluster of three Payara Micro nodes on loopback until Ctrl-C:
# node1 starts the ring, node2 and node3 are joined to it through the admin API (plan, then commit).
#   config/local-cluster.sh [--no-build]
# Environment: DYNAMO_PORT (first node's HTTP port, default 8080; the others follow), DYNAMO_JGROUPS_PORT
# (default 7800), DYNAMO_N/R/W (default 3/2/2), DYNAMO_JAVA_OPTS, DYNAMO_START_TIMEOUT (s).
# Data in ./data/NAME (kept across runs: a restarted cluster keeps its data and ring), logs in ./run/NAME.log.
# Cluster traffic is encrypted with the secret in ./run/cluster.secret, generated on first start and kept
# (DYNAMO_CLUSTER_SECRET_FILE names another file); see docs/security.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=config/lib/nodes.sh
source config/lib/nodes.sh

PORT=${DYNAMO_PORT:-8080}
JGROUPS_PORT=${DYNAMO_JGROUPS_PORT:-7800}
NODES=("node1:$PORT:$JGROUPS_PORT" "node2:$((PORT + 1)):$((JGROUPS_PORT + 1))" "node3:$((PORT + 2)):$((JGROUPS_PORT + 2))")
DYNAMO_SEEDS="127.0.0.1[$JGROUPS_PORT],127.0.0.1[$((JGROUPS_PORT + 1))],127.0.0.1[$((JGROUPS_PORT + 2))]"

build=true
for arg in "$@"; do
  case $arg in
    --no-build) build=false ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) log "unknown option $arg"; exit 2 ;;
  esac
done

if $build; then
  log "building (./mvnw -B -q -Dmaven.test.skip=true package -pl dynamo-jaxrs -am) ..."
  ./mvnw -B -q -Dmaven.test.skip=true package -pl dynamo-jaxrs -am
fi
require_artifacts

name_of() { echo "${1%%:*}"; }
http_of() { local rest=${1#*:}; echo "${rest%%:*}"; }
jgroups_of() { echo "${1##*:}"; }

stop_all() {
  trap - EXIT INT TERM
  local entry
  for entry in "${NODES[@]}"; do
    stop_node "$(name_of "$entry")"
  done
}
trap stop_all EXIT
trap 'exit 130' INT TERM

ensure_credentials
first=true
for entry in "${NODES[@]}"; do
  start_node "$(name_of "$entry")" "$(http_of "$entry")" "$(jgroups_of "$entry")" "$first" >/dev/null
  first=false
done
for entry in "${NODES[@]}"; do
  wait_ready "$(name_of "$entry")" "$(http_of "$entry")" live
done

# Joins a node through the first node's admin API unless the ring already has it (a restarted cluster).
join() {
  local name=$1 admin plan version
  admin=$(admin_url "$PORT")
  if curl -sf --max-time 10 -u "admin:$DYNAMO_SECURITY_ADMIN_PASSWORD" "${admin}ring" | grep -q "\"$name\""; then
    log "$name is already in the ring"
    return 0
  fi
  plan=$(curl -sf --max-time 10 -u "admin:$DYNAMO_SECURITY_ADMIN_PASSWORD" -H 'Content-Type: application/json' -d "{\"node\":\"$name\",\"weight\":1}" \
    "${admin}join") || { log "planning the join of $name failed"; return 1; }
  version=$(printf '%s' "$plan" | sed -n 's/.*"fromVersion":\([0-9]*\).*/\1/p')
  log "joining $name: $(printf '%s' "$plan" | sed -n 's/.*"moves":\[\([^]]*\)\].*/\1/p' | grep -o '"partition"' | wc -l) partitions move to it"
  curl -sf --max-time 10 -o /dev/null -u "admin:$DYNAMO_SECURITY_ADMIN_PASSWORD" -H 'Content-Type: application/json' \
    -d "{\"node\":\"$name\",\"weight\":1,\"ringVersion\":$version}" "${admin}join/commit" \
    || { log "committing the join of $name failed"; return 1; }
}
wait_ready node1 "$PORT"
join node2
join node3
for entry in "${NODES[@]}"; do
  wait_ready "$(name_of "$entry")" "$(http_of "$entry")"
done

log ""
for entry in "${NODES[@]}"; do
  log "$(name_of "$entry"): $(base_url "$(http_of "$entry")")   (log: $RUN_DIR/$(name_of "$entry").log)"
done
log ""
log "try:  curl -X PUT --data-binary v $(base_url "$PORT")k && curl $(base_url "$((PORT + 1))")k"
log "admin: curl -u admin:$DYNAMO_SECURITY_ADMIN_PASSWORD $(admin_url "$PORT")hints"
log "users (kept in $CREDENTIALS): admin / $DYNAMO_SECURITY_ADMIN_PASSWORD, client / $DYNAMO_SECURITY_CLIENT_PASSWORD"
log "  (clients need no credentials unless the nodes run with DYNAMO_SECURITY_CLIENT_REQUIRED=true)"
log "Ctrl-C stops the cluster."

# Returns when a node exits on its own (or a signal arrives); the EXIT trap stops the rest.
wait -n
log "a node exited; stopping the cluster"
exit 1
