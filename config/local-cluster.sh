#!/usr/bin/env bash
# Builds the WAR and runs a local cluster of Payara Micro nodes on loopback until Ctrl-C.
#   config/local-cluster.sh [--no-build]
# For now the cluster is one node (N = R = W = 1); add entries to NODES to grow it.
# Environment: DYNAMO_PORT (first node's HTTP port, default 8080), DYNAMO_N/R/W, DYNAMO_JAVA_OPTS,
# DYNAMO_START_TIMEOUT (s). Data in ./data/NAME, logs in ./run/NAME.log.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=config/lib/nodes.sh
source config/lib/nodes.sh

PORT=${DYNAMO_PORT:-8080}
NODES=("node1:$PORT")   # NAME:PORT

build=true
for arg in "$@"; do
  case $arg in
    --no-build) build=false ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) log "unknown option $arg"; exit 2 ;;
  esac
done

if $build; then
  # Only what a node runs (the WAR and payara-micro.jar); tests are neither compiled nor run here.
  log "building (./mvnw -B -q -Dmaven.test.skip=true package -pl dynamo-jaxrs -am) ..."
  ./mvnw -B -q -Dmaven.test.skip=true package -pl dynamo-jaxrs -am
fi
require_artifacts

# shellcheck disable=SC2317  # invoked by the traps
stop_all() {
  trap - EXIT INT TERM
  local entry
  for entry in "${NODES[@]}"; do
    stop_node "${entry%%:*}"
  done
}
trap stop_all EXIT
trap 'exit 130' INT TERM

for entry in "${NODES[@]}"; do
  start_node "${entry%%:*}" "${entry##*:}" >/dev/null
done
for entry in "${NODES[@]}"; do
  wait_ready "${entry%%:*}" "${entry##*:}"
done

log ""
for entry in "${NODES[@]}"; do
  log "${entry%%:*}: $(base_url "${entry##*:}")   (log: $RUN_DIR/${entry%%:*}.log)"
done
log ""
log "try:  curl -X PUT --data-binary v $(base_url "${NODES[0]##*:}")k && curl $(base_url "${NODES[0]##*:}")k"
log "Ctrl-C stops the cluster."

# Returns when a node exits on its own (or a signal arrives); the EXIT trap stops the rest.
wait -n
log "a node exited; stopping the cluster"
exit 1
