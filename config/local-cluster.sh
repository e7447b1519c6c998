#!/usr/bin/env bash
# Builds the WAR and runs a local cluster of three Payara Micro nodes on loopback until Ctrl-C:
# node1 starts the ring, node2 and node3 are joined to it through the admin API (plan, then commit).
#   config/local-cluster.sh [--no-build]
# Environment: DYNAMO_PORT (first node's HTTP port, default 8080; the others follow), DYNAMO_JGROUPS_PORT
# (default 7800), DYNAMO_N/R/W (default 3/2/2), DYNAMO_JAVA_OPTS, DYNAMO_START_TIMEOUT (s).
# Data in ./data/NAME (kept across runs: a restarted cluster keeps its data and ring), logs in ./run/NAME.log.
# Cluster traffic is encrypted with the secret in ./run/cluster.secret, generated on first start and kept
# (DYNAMO_CLUSTER_SECRET_FILE names another file); the admin and client users' passwords are generated on first start
# into ./data/credentials and kept; the key-value API needs the client user. See docs/security.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=config/lib/nodes.sh
source config/lib/nodes.sh

PORT=${DYNAMO_PORT:-8080}
JGROUPS_PORT=${DYNAMO_JGROUPS_PORT:-7800}
local_cluster "$PORT" "$JGROUPS_PORT"

build=true
for arg in "$@"; do
  case $arg in
    --no-build) build=false ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) log "unknown option $arg"; exit 2 ;;
  esac
done

if $build; then
  log "building (./mvnw -B -q -Dmaven.test.skip=true package -pl dynamo-jaxrs -am) ..."
  ./mvnw -B -q -Dmaven.test.skip=true package -pl dynamo-jaxrs -am
fi
require_artifacts

stop_all() {
  trap - EXIT INT TERM
  stop_cluster
}
trap stop_all EXIT
trap 'exit 130' INT TERM

start_cluster

log ""
for entry in "${CLUSTER_NODES[@]}"; do
  log "$(name_of "$entry"): $(base_url "$(http_of "$entry")")   (log: $RUN_DIR/$(name_of "$entry").log)"
done
log ""
log "users (kept in $CREDENTIALS): admin / $DYNAMO_SECURITY_ADMIN_PASSWORD, client / $DYNAMO_SECURITY_CLIENT_PASSWORD"
log "the key-value API needs the client user (or the admin); in another shell:"
log "  . $CREDENTIALS"
log "  curl -u \"client:\$DYNAMO_SECURITY_CLIENT_PASSWORD\" -X PUT --data-binary v $(base_url "$PORT")k"
log "  curl -u \"client:\$DYNAMO_SECURITY_CLIENT_PASSWORD\" $(base_url "$((PORT + 1))")k"
log "admin: curl -u \"admin:\$DYNAMO_SECURITY_ADMIN_PASSWORD\" $(admin_url "$PORT")hints"
log "Ctrl-C stops the cluster."

# Returns when a node exits on its own (or a signal arrives); the EXIT trap stops the rest.
wait -n
log "a node exited; stopping the cluster"
exit 1
