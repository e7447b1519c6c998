# shellcheck shell=bash
# Functions shared by config/node.sh and config/local-cluster.sh; source it, don't run it.
# Every path is relative to the repository root, which the calling script cd's into.

MICRO_JAR=${DYNAMO_MICRO_JAR:-dynamo-jaxrs/target/payara-micro.jar}
WAR=${DYNAMO_WAR:-dynamo-jaxrs/target/dynamo.war}
PREBOOT=config/payara-preboot.txt
RUN_DIR=run
DATA_DIR=data
START_TIMEOUT=${DYNAMO_START_TIMEOUT:-300}
JAVA_OPTS=${DYNAMO_JAVA_OPTS:--Xmx512m}

# Cluster settings passed to every node.
DYNAMO_N=${DYNAMO_N:-3}
DYNAMO_R=${DYNAMO_R:-2}
DYNAMO_W=${DYNAMO_W:-2}
# JGroups seeds: every node of the local cluster (host[port], comma-separated).
DYNAMO_SEEDS=${DYNAMO_SEEDS:-127.0.0.1[7800],127.0.0.1[7801],127.0.0.1[7802]}

log() { printf '%s\n' "$*" >&2; }

# The local cluster's users: generated on first start into data/credentials (mode 600), kept with the data.
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
  local p
  for p in "$port" "$jgroups_port" "$((jgroups_port + 100))"; do
    # Something already listening there would answer the health checks in this node's place.
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      log "cannot start $name: port $p on 127.0.0.1 is in use (another cluster?); stop it or choose other ports"
      return 1
    fi
  done
  mkdir -p "$RUN_DIR" "$DATA_DIR/$name"
  # Passwords reach the node through its environment (MicroProfile Config reads it), not its visible command line.
  ensure_credentials
  local secret_file
  secret_file=$(cluster_secret_file) || return 1
  # JAVA_OPTS is a list of JVM flags: split on spaces on purpose.
  # shellcheck disable=SC2086
  java $JAVA_OPTS \
    -Ddynamo.node.id="$name" -Ddynamo.data.dir="$DATA_DIR/$name" \
    -Ddynamo.n="$DYNAMO_N" -Ddynamo.r="$DYNAMO_R" -Ddynamo.w="$DYNAMO_W" \
    -Ddynamo.http.address="127.0.0.1:$port" -Ddynamo.bootstrap="$bootstrap" \
    -Ddynamo.jgroups.bind.address=127.0.0.1 -Ddynamo.jgroups.port="$jgroups_port" \
    -Ddynamo.jgroups.initial.hosts="$DYNAMO_SEEDS" -Ddynamo.cluster.secret.file="$secret_file" \
    -jar "$MICRO_JAR" --deploy "$WAR" --port "$port" \
    --nohazelcast --disablephonehome --prebootcommandfile "$PREBOOT" \
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
