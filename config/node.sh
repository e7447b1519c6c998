#!/usr/bin/env bash
# Starts, stops or reports one Payara Micro node running the built WAR.
#   config/node.sh start NAME [PORT [JGROUPS_PORT [BOOTSTRAP]]]   (defaults 8080, 7800, false; data in ./data/NAME, log in ./run/NAME.log)
#   config/node.sh stop NAME
#   config/node.sh status NAME [PORT]
# Environment: DYNAMO_N/R/W (default 3/2/2), DYNAMO_SEEDS (JGroups host[port] list), DYNAMO_JAVA_OPTS, DYNAMO_START_TIMEOUT (s),
# DYNAMO_CLUSTER_SECRET_FILE (the shared cluster secret; default ./run/cluster.secret, generated on first start).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=config/lib/nodes.sh
source config/lib/nodes.sh

usage() { log "usage: $0 start|stop|status NAME [PORT]"; exit 2; }
[[ $# -ge 2 ]] || usage
command=$1 name=$2 port=${3:-8080} jgroups_port=${4:-7800} bootstrap=${5:-false}

case $command in
  start)
    require_artifacts
    start_node "$name" "$port" "$jgroups_port" "$bootstrap" >/dev/null
    if ! wait_ready "$name" "$port" live; then
      stop_node "$name"
      exit 1
    fi
    log "$name: $(base_url "$port")  (serving once it is in the ring: /health/ready answers 200)"
    ;;
  stop)
    stop_node "$name"
    ;;
  status)
    if pid=$(pid_of "$name"); then
      code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/health/ready" || true)
      log "$name: running (pid $pid), readiness on port $port: HTTP $code"
    else
      log "$name: stopped"
      exit 3
    fi
    ;;
  *) usage ;;
esac
