# shellcheck shell=bash
# Functions shared by config/node.sh and config/local-cluster.sh; source it, don't run it.
# Every path is relative to the repository root, which the calling script cd's into.

MICRO_JAR=${DYNAMO_MICRO_JAR:-dynamo-jaxrs/target/payara-micro.jar}
WAR=${DYNAMO_WAR:-dynamo-jaxrs/target/dynamo.war}
PREBOOT_SHARED=config/payara-preboot.txt
CLOSED_UNTIL_DEPLOYED=config/payara-closed-until-deployed.txt
POSTDEPLOY=config/payara-postdeploy.txt
RUN_DIR=${DYNAMO_RUN_DIR:-run}
DATA_DIR=${DYNAMO_DATA_DIR:-data}
START_TIMEOUT=${DYNAMO_START_TIMEOUT:-300}
# Node JVM flags, sized from measurements (docs/performance.md, "Memory"): a node's live heap under load is about
# 110 MB, of which Xodus' page cache, shared by the store and the hint store, is at most 32 MB (Xodus' own default
# would be half the heap); metaspace starts at 128 MB, so that loading Payara's classes does not trigger collections.
JAVA_OPTS=${DYNAMO_JAVA_OPTS:--Xmx224m -XX:MetaspaceSize=128m -Dexodus.memoryUsage=33554432}
# At most two glibc malloc arenas for a node's native allocations (by default each allocating thread may get its own,
# up to eight per core); the memory figures in docs/performance.md were measured so.
NODE_MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}

# Cluster settings passed to every node.
DYNAMO_N=${DYNAMO_N:-3}
DYNAMO_R=${DYNAMO_R:-2}
DYNAMO_W=${DYNAMO_W:-2}
# JGroups seeds: every node of the local cluster (host[port], comma-separated).
DYNAMO_SEEDS=${DYNAMO_SEEDS:-127.0.0.1[7800],127.0.0.1[7801],127.0.0.1[7802]}

log() { printf '%s\n' "$*" >&2; }

# The local cluster's users: generated on first start into data/credentials (mode 600), kept with the data. Nodes
# require the client user for the key-value API (dynamo.security.client.required defaults to true), so every node
# gets both passwords.
CREDENTIALS=$DATA_DIR/credentials
ensure_credentials() {
  if [[ ! -f $CREDENTIALS ]]; then
    mkdir -p "$DATA_DIR"
    (umask 077
     printf 'DYNAMO_SECURITY_ADMIN_PASSWORD=%s\nDYNAMO_SECURITY_CLIENT_PASSWORD=%s\n' \
       "$(head -c 18 /dev/urandom | base64 | tr -d '/+=')" "$(head -c 18 /dev/urandom | base64 | tr -d '/+=')" \
       >"$CREDENTIALS")
  fi
  # shellcheck disable=SC1090
  source "$CREDENTIALS"
  export DYNAMO_SECURITY_ADMIN_PASSWORD DYNAMO_SECURITY_CLIENT_PASSWORD
}

require_artifacts() {
  local f
  for f in "$MICRO_JAR" "$WAR"; do
    [[ -f $f ]] || { log "missing $f: build first (./mvnw -B -DskipTests package)"; return 1; }
  done
}

# cluster_secret_file: prints the file holding the secret every node started from here shares, which encrypts and
# authenticates their cluster traffic. DYNAMO_CLUSTER_SECRET_FILE names an existing one (to join nodes started
# elsewhere); otherwise run/cluster.secret, generated on first use (32 random bytes, base64, mode 600) and kept.
# Nodes get the path, not the secret, so it never shows in ps.
cluster_secret_file() {
  local file=${DYNAMO_CLUSTER_SECRET_FILE:-$RUN_DIR/cluster.secret}
  if [[ -n ${DYNAMO_CLUSTER_SECRET_FILE:-} && ! -s $file ]]; then
    log "DYNAMO_CLUSTER_SECRET_FILE=$file is missing or empty"
    return 1
  fi
  if [[ ! -e $file ]]; then
    mkdir -p "$(dirname "$file")"
    # noclobber: if another start created it meanwhile, keep theirs.
    if (umask 077 && set -o noclobber && head -c 32 /dev/urandom | base64 >"$file") 2>/dev/null; then
      log "generated the cluster secret in $file (mode 600); every node started from here uses it"
    fi
  fi
  [[ -s $file ]] || { log "the cluster secret file $file is empty: delete it to generate a new one"; return 1; }
  printf '%s\n' "$file"
}

# ports_free WHAT PORT...: fails, naming the first port something listens on at 127.0.0.1 (WHAT says what cannot go on).
ports_free() {
  local what=$1 p
  shift
  for p in "$@"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      log "$what: port $p on 127.0.0.1 is in use (another cluster?); stop it or choose other ports"
      return 1
    fi
  done
}

base_url() { printf 'http://127.0.0.1:%s/dynamo/api/v1/kv/' "$1"; }
admin_url() { printf 'http://127.0.0.1:%s/dynamo/api/v1/admin/' "$1"; }

pid_of() {
  local pidfile=$RUN_DIR/$1.pid
  [[ -f $pidfile ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null && cat "$pidfile"
}

# start_node NAME PORT JGROUPS_PORT [BOOTSTRAP]: launches Payara Micro in the background, logging to
# run/NAME.log, and prints the pid. BOOTSTRAP=true makes the node start a new ring when it has no stored one.
start_node() {
  local name=$1 port=$2 jgroups_port=$3 bootstrap=${4:-false}
  if pid_of "$name" >/dev/null; then
    log "$name is already running (pid $(pid_of "$name"))"
    return 1
  fi
  # Something already listening there would answer the health checks in this node's place.
  ports_free "cannot start $name" "$port" "$jgroups_port" "$((jgroups_port + 100))" || return 1
  mkdir -p "$RUN_DIR" "$DATA_DIR/$name"
  # The shared settings, and the listener closed until the application is deployed (opened by $POSTDEPLOY).
  local preboot=$RUN_DIR/$name-preboot.txt
  cat "$PREBOOT_SHARED" "$CLOSED_UNTIL_DEPLOYED" >"$preboot"
  # Passwords reach the node through its environment (MicroProfile Config reads it), not its visible command line.
  ensure_credentials
  local secret_file
  secret_file=$(cluster_secret_file) || return 1
  # JAVA_OPTS is a list of JVM flags: split on spaces on purpose. @NODE@ in it stands for the node's name.
  # shellcheck disable=SC2086
  MALLOC_ARENA_MAX=$NODE_MALLOC_ARENA_MAX java ${JAVA_OPTS//@NODE@/$name} \
    -Ddynamo.node.id="$name" -Ddynamo.data.dir="$DATA_DIR/$name" \
    -Ddynamo.n="$DYNAMO_N" -Ddynamo.r="$DYNAMO_R" -Ddynamo.w="$DYNAMO_W" \
    -Ddynamo.http.address="127.0.0.1:$port" -Ddynamo.bootstrap="$bootstrap" \
    -Ddynamo.jgroups.bind.address=127.0.0.1 -Ddynamo.jgroups.port="$jgroups_port" \
    -Ddynamo.jgroups.initial.hosts="$DYNAMO_SEEDS" -Ddynamo.cluster.secret.file="$secret_file" \
    -jar "$MICRO_JAR" --deploy "$WAR" --port "$port" \
    --nohazelcast --disablephonehome --prebootcommandfile "$preboot" --postdeploycommandfile "$POSTDEPLOY" \
    >"$RUN_DIR/$name.log" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" >"$RUN_DIR/$name.pid"
  echo "$pid"
}

# wait_ready NAME PORT [live|ready]: polls the node's liveness (started) or readiness (started and joined to the
# ring) until it answers 200, the process dies, or the timeout passes.
wait_ready() {
  local name=$1 port=$2 check=${3:-ready} started=$SECONDS code
  printf 'waiting for %s on port %s to be %s ' "$name" "$port" "$check" >&2
  while ((SECONDS - started < START_TIMEOUT)); do
    if ! pid_of "$name" >/dev/null; then
      log ""; log "$name exited during startup; last lines of $RUN_DIR/$name.log:"
      tail -n 30 "$RUN_DIR/$name.log" >&2
      return 1
    fi
    # Payara Micro keeps running when the application fails to deploy: spot that in the log and give up early.
    if grep -q 'Exception while loading the app' "$RUN_DIR/$name.log"; then
      log ""; log "$name: the application failed to deploy:"
      grep -m 3 -E 'Dynamo node NOT started|Caused by' "$RUN_DIR/$name.log" | sed 's/^.*levelValue: [0-9]*\] //' >&2
      log "(full log: $RUN_DIR/$name.log)"
      return 1
    fi
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/health/$check" || true)
    if [[ $code == 200 ]]; then
      log " ready after $((SECONDS - started)) s"
      return 0
    fi
    printf '.' >&2
    sleep 2
  done
  log ""; log "$name not ready after $START_TIMEOUT s; see $RUN_DIR/$name.log"
  return 1
}

# stop_node NAME: TERM, then KILL after 30 s.
stop_node() {
  local name=$1 pid i
  pid=$(pid_of "$name") || { rm -f "$RUN_DIR/$name.pid"; return 0; }
  log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 30; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name did not stop in 30 s, killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$RUN_DIR/$name.pid"
}

# join_node ADMIN_PORT NAME: joins a node to the ring through the admin API of the node on ADMIN_PORT (plan, then
# commit), unless the ring already has it (a restarted cluster). While the cluster answers 409 (the node has not
# announced itself by gossip yet, or the last join is still being handed over) it plans again, for up to two
# minutes. Needs the admin password (ensure_credentials).
join_node() {
  local port=$1 name=$2 admin plan version code tries=0
  admin=$(admin_url "$port")
  if curl -sf --max-time 10 -u "admin:$DYNAMO_SECURITY_ADMIN_PASSWORD" "${admin}ring" | grep -q "\"$name\""; then
    log "$name is already in the ring"
    return 0
  fi
  while true; do
    plan=$(curl -sf --max-time 10 -u "admin:$DYNAMO_SECURITY_ADMIN_PASSWORD" -H 'Content-Type: application/json' \
      -d "{\"node\":\"$name\",\"weight\":1}" "${admin}join") || { log "planning the join of $name failed"; return 1; }
    version=$(printf '%s' "$plan" | sed -n 's/.*"fromVersion":\([0-9]*\).*/\1/p')
    code=$(curl -s --max-time 10 -o "$RUN_DIR/join-$name.json" -w '%{http_code}' -u "admin:$DYNAMO_SECURITY_ADMIN_PASSWORD" \
      -H 'Content-Type: application/json' -d "{\"node\":\"$name\",\"weight\":1,\"ringVersion\":$version}" \
      "${admin}join/commit" || true)
    if [ "$code" = 200 ]; then
      log "joined $name: $(printf '%s' "$plan" | sed -n 's/.*"moves":\[\([^]]*\)\].*/\1/p' | grep -o '"partition"' | wc -l) partitions move to it"
      return 0
    fi
    tries=$((tries + 1))
    if [ "$code" != 409 ] || [ "$tries" -ge 120 ]; then
      log "committing the join of $name failed (HTTP $code): $(cat "$RUN_DIR/join-$name.json" 2>/dev/null)"
      return 1
    fi
    [ "$tries" = 1 ] && log "waiting to join $name: $(sed -n 's/.*"detail":"\([^"]*\)".*/\1/p' "$RUN_DIR/join-$name.json")"
    sleep 1
  done
}

# The three nodes of a local cluster, as NAME:HTTP_PORT:JGROUPS_PORT; set by local_cluster.
CLUSTER_NODES=()
name_of() { echo "${1%%:*}"; }
http_of() { local rest=${1#*:}; echo "${rest%%:*}"; }
jgroups_of() { echo "${1##*:}"; }

# local_cluster PORT JGROUPS_PORT: sets CLUSTER_NODES and the seeds of three nodes on consecutive ports.
local_cluster() {
  local port=$1 jgroups_port=$2
  CLUSTER_NODES=("node1:$port:$jgroups_port" "node2:$((port + 1)):$((jgroups_port + 1))"
    "node3:$((port + 2)):$((jgroups_port + 2))")
  DYNAMO_SEEDS="127.0.0.1[$jgroups_port],127.0.0.1[$((jgroups_port + 1))],127.0.0.1[$((jgroups_port + 2))]"
}

# start_cluster: starts the nodes of CLUSTER_NODES (the first one starts the ring), joins the others to it through
# the first one's admin API and waits until every node is ready.
start_cluster() {
  local entry first=true port
  port=$(http_of "${CLUSTER_NODES[0]}")
  ensure_credentials
  for entry in "${CLUSTER_NODES[@]}"; do
    start_node "$(name_of "$entry")" "$(http_of "$entry")" "$(jgroups_of "$entry")" "$first" >/dev/null || return 1
    first=false
  done
  for entry in "${CLUSTER_NODES[@]}"; do
    wait_ready "$(name_of "$entry")" "$(http_of "$entry")" live || return 1
  done
  wait_ready "$(name_of "${CLUSTER_NODES[0]}")" "$port" || return 1
  for entry in "${CLUSTER_NODES[@]:1}"; do
    join_node "$port" "$(name_of "$entry")" || return 1
  done
  for entry in "${CLUSTER_NODES[@]}"; do
    wait_ready "$(name_of "$entry")" "$(http_of "$entry")" || return 1
  done
}

stop_cluster() {
  local entry
  for entry in "${CLUSTER_NODES[@]}"; do
    stop_node "$(name_of "$entry")"
  done
}
