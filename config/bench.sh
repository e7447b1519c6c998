#!/usr/bin/env bash
# YCSB benchmark of a fresh local cluster: builds, starts three Payara Micro nodes on loopback (N=3, R=2, W=2),
# loads the records, runs each workload after a warm-up and prints throughput, latency percentiles per operation,
# the CPU seconds each node used and its resident memory (RSS) at the window's end; stops the cluster at the end, on
# failure and on Ctrl-C.
#   config/bench.sh [--no-build] [--workloads ABC] [--seconds 60] [--warmup 30] [--threads 16] [--records 10000]
#                   [--write-all] [--update read-modify-write|remembered] [--target OPS] [--jfr] [--floor|--floor-kv]
# --write-all: an update writes the whole record (YCSB writeallfields=true, as ../shared/peer's workload does).
# --update remembered: a whole-record update is one put with the context the client remembers from its last read or
#   write of the key (DynamoClient.update); the default, read-modify-write, reads the record first (two requests).
# --target OPS: a fixed offered load (YCSB -target), for latency at equal load rather than at saturation.
# --jfr records a JDK Flight Recorder file per node over the whole run (run/bench/NODE.jfr).
# --floor measures, instead of the workloads, requests that do no storage or cluster work (io.dynamo.bench.RequestFloor).
# --floor-kv measures, instead, the client's GET of a key never written (404 after one lookup per replica).
# Environment: DYNAMO_PORT (first node's HTTP port, default 8080), DYNAMO_JGROUPS_PORT (default 7800),
# DYNAMO_JAVA_OPTS (node JVM flags, default in config/lib/nodes.sh), BENCH_CLIENT_OPTS (the YCSB
# client's JVM flags, default -Xmx512m).
# Data in run/bench/data (wiped at every start), logs and YCSB output in run/bench/. See docs/performance.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DYNAMO_RUN_DIR=run/bench DYNAMO_DATA_DIR=run/bench/data
# shellcheck source=config/lib/nodes.sh
source config/lib/nodes.sh

PORT=${DYNAMO_PORT:-8080}
JGROUPS_PORT=${DYNAMO_JGROUPS_PORT:-7800}
build=true workloads=ABC seconds=60 warmup=30 threads=16 records=10000 jfr=false floor=false floor_path=admin/limits
write_all=false update=read-modify-write target=0
while (($#)); do
  case $1 in
    --no-build) build=false ;;
    --workloads) workloads=${2^^}; shift ;;
    --seconds) seconds=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --threads) threads=$2; shift ;;
    --records) records=$2; shift ;;
    --write-all) write_all=true ;;
    --update) update=$2; shift ;;
    --target) target=$2; shift ;;
    --jfr) jfr=true ;;
    --floor) floor=true ;;
    --floor-kv) floor=true floor_path=kv/floor-key-never-written ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) log "unknown option $1"; exit 2 ;;
  esac
  shift
done
[[ $workloads =~ ^[ABC]+$ && $seconds =~ ^[1-9][0-9]*$ && $warmup =~ ^[0-9]+$ && $threads =~ ^[1-9][0-9]*$ \
   && $records =~ ^[1-9][0-9]*$ && $update =~ ^(read-modify-write|remembered)$ && $target =~ ^[0-9]+$ ]] \
   || { log "bad option value; see --help"; exit 2; }

local_cluster "$PORT" "$JGROUPS_PORT"
# Refuse before building or wiping anything: a node already on these ports would be measured instead.
for entry in "${CLUSTER_NODES[@]}"; do
  ports_free "cannot benchmark" "$(http_of "$entry")" "$(jgroups_of "$entry")" "$(($(jgroups_of "$entry") + 100))"
done

if $build; then
  log "building (./mvnw -B -q -DskipTests package -pl dynamo-bench -am) ..."
  ./mvnw -B -q -DskipTests package -pl dynamo-bench -am
fi
require_artifacts
CLASSPATH_FILE=dynamo-bench/target/classpath.txt
[[ -f $CLASSPATH_FILE ]] || { log "missing $CLASSPATH_FILE: build without --no-build"; exit 1; }
BENCH_CP="dynamo-bench/target/classes:$(cat "$CLASSPATH_FILE")"

YCSB_PID=""
stop_all() {
  trap - EXIT INT TERM
  if [[ -n $YCSB_PID ]]; then kill "$YCSB_PID" 2>/dev/null || true; fi
  stop_cluster
}
trap stop_all EXIT
trap 'exit 130' INT TERM

rm -rf "$DATA_DIR" "$RUN_DIR/summary.txt"
mkdir -p "$RUN_DIR"
if $jfr; then
  JAVA_OPTS="$JAVA_OPTS -XX:StartFlightRecording=filename=$RUN_DIR/@NODE@.jfr,settings=profile,dumponexit=true"
fi
# The data API runs as in production: the nodes require the client user (the default), whose password the client
# sends.
start_cluster

SEEDS=""
for entry in "${CLUSTER_NODES[@]}"; do
  SEEDS+="http://127.0.0.1:$(http_of "$entry")/dynamo/api/v1/,"
done

# ycsb_start MODE WORKLOAD SECONDS OUTPUT [HDR_DIR]: starts one YCSB client run (MODE -load or -t) in the background,
# writing its report to OUTPUT; YCSB_PID is the client JVM's pid. With HDR_DIR, YCSB also writes an HdrHistogram
# interval log per operation there every 2 s, from which report reads the figures after the warm-up.
ycsb_start() {
  local mode=$1 workload=$2 limit=$3 out=$4 hdr_dir=${5:-} count=100000000 hdr=()
  [[ $mode == -load ]] && count=$records
  [[ -n $hdr_dir ]] && hdr=(-p hdrhistogram.fileoutput=true -p "hdrhistogram.output.path=$hdr_dir/" -p status.interval=2)
  [[ $mode == -t && $target != 0 ]] && hdr+=(-target "$target")
  # shellcheck disable=SC2086
  java ${BENCH_CLIENT_OPTS:--Xmx512m} -cp "$BENCH_CP" site.ycsb.Client "$mode" -s \
    -db io.dynamo.bench.DynamoYcsbDb -P "dynamo-bench/workloads/workload${workload,,}" -threads "$threads" \
    -p recordcount="$records" -p fieldcount=10 -p fieldlength=100 -p writeallfields="$write_all" \
    -p dynamo.update="$update" \
    -p operationcount="$count" -p maxexecutiontime="$limit" \
    -p measurementtype=hdrhistogram -p hdrhistogram.percentiles=50,95,99,99.9 "${hdr[@]}" \
    -p dynamo.seeds="$SEEDS" -p dynamo.user=client -p dynamo.password="$DYNAMO_SECURITY_CLIENT_PASSWORD" \
    >"$out" 2>"$out.status" &
  YCSB_PID=$!
}

# ycsb_wait OUTPUT: waits for the client started last; fails with its last lines when it failed.
ycsb_wait() {
  local out=$1
  if ! wait "$YCSB_PID"; then
    log "YCSB failed; see $out and $out.status"
    tail -n 20 "$out.status" >&2
    return 1
  fi
}

# cpu_seconds PID...: the CPU seconds (user + system) each process has used so far, space-separated.
cpu_seconds() {
  local pid ticks
  ticks=$(getconf CLK_TCK)
  for pid in "$@"; do
    # Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    awk -v t="$ticks" '{ sub(/^.*\) /, ""); split($0, f, " "); printf "%.2f ", (f[12] + f[13]) / t }' \
      "/proc/$pid/stat"
  done
}

# report WORKLOAD HDR_DIR FROM_MS TO_MS CPU_BEFORE CPU_AFTER: the summary of one measured window (nodes, then client).
report() {
  local workload=$1 hdr_dir=$2 from=$3 to=$4
  printf '\n== workload %s: %s threads, %s s after %s s warm-up, %s records, updates %s%s, target %s ops/s (load %s)\n' \
    "$workload" "$threads" "$seconds" "$warmup" "$records" "$update" "$($write_all && echo ' of whole records')" \
    "$([[ $target == 0 ]] && echo none || echo "$target")" "$(uptime | sed 's/.*load average/load average/')"
  java -cp "$BENCH_CP" io.dynamo.bench.MeasuredWindow "$from" "$to" "$hdr_dir"/*.hdr
  cpu_line "$5" "$6"
  rss_line
}

# rss_line: each node's resident memory now (the operating system's figure, heap and everything else).
rss_line() {
  local entry
  printf 'RSS MB:'
  for entry in "${CLUSTER_NODES[@]}"; do
    printf ' %s %s' "$(name_of "$entry")" \
      "$(awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$(pid_of "$(name_of "$entry")")/status")"
  done
  printf '\n'
}

# cpu_line CPU_BEFORE CPU_AFTER: the CPU seconds each node and the client used between the two readings.
cpu_line() {
  local before=($1) after=($2) i names=()
  for entry in "${CLUSTER_NODES[@]}"; do names+=("$(name_of "$entry")"); done
  names+=(client)
  printf 'CPU seconds:'
  for i in "${!names[@]}"; do
    printf ' %s %.1f' "${names[$i]}" "$(echo "${after[$i]} - ${before[$i]}" | bc)"
  done
  printf '\n'
}

node_pids=()
for entry in "${CLUSTER_NODES[@]}"; do node_pids+=("$(pid_of "$(name_of "$entry")")"); done

if $floor; then
  log "request floor: $threads threads, GET /$floor_path, $warmup s warm-up, then $seconds s measured ..."
  if [[ $floor_path == kv/* ]]; then user=client password=$DYNAMO_SECURITY_CLIENT_PASSWORD
  else user=admin password=$DYNAMO_SECURITY_ADMIN_PASSWORD; fi
  # shellcheck disable=SC2086
  java ${BENCH_CLIENT_OPTS:--Xmx512m} -cp "$BENCH_CP" io.dynamo.bench.RequestFloor "$SEEDS" "$user" \
    "$password" "$threads" "$warmup" "$seconds" 5 "$floor_path" >"$RUN_DIR/floor.txt" 2>&1 &
  YCSB_PID=$! # 5 s more than measured: still running when its CPU time is read at the window's end
  sleep "$warmup"
  before=$(cpu_seconds "${node_pids[@]}" "$YCSB_PID")
  sleep "$seconds"
  after=$(cpu_seconds "${node_pids[@]}" "$YCSB_PID")
  wait "$YCSB_PID" || { log "the request floor failed; see $RUN_DIR/floor.txt"; tail -n 20 "$RUN_DIR/floor.txt" >&2; exit 1; }
  YCSB_PID=""
  { printf '\n== request floor: %s threads, %s s after %s s warm-up (load %s)\n' "$threads" "$seconds" "$warmup" \
      "$(uptime | sed 's/.*load average/load average/')"
    cat "$RUN_DIR/floor.txt"
    cpu_line "$before" "$after"
    rss_line; } | tee -a "$RUN_DIR/summary.txt"
  exit 0
fi

log "loading $records records of 10 fields x 100 bytes ..."
ycsb_start -load A 600 "$RUN_DIR/load.txt"
ycsb_wait "$RUN_DIR/load.txt"
grep -E '^\[(OVERALL|INSERT)\], (Throughput|Operations|Return)' "$RUN_DIR/load.txt" >&2
# YCSB stops a loading thread at its first failed insert and still ends "successfully": measuring a partial load
# would count reads of missing records as fast answers.
loaded=$(awk -F', ' '$1 == "[INSERT]" && $2 == "Return=OK" { print $3 }' "$RUN_DIR/load.txt")
if [[ ${loaded:-0} != "$records" ]]; then
  log "the load stored ${loaded:-0} of $records records; the nodes' errors are in $RUN_DIR/load.txt.status and $RUN_DIR/node*.log"
  exit 1
fi
# Warm-up and measurement are one YCSB run, so that the client's JIT is warm too; only the intervals after the
# warm-up are reported (io.dynamo.bench.MeasuredWindow).
for ((i = 0; i < ${#workloads}; i++)); do
  w=${workloads:i:1}
  hdr_dir=$RUN_DIR/hdr-$w
  rm -rf "$hdr_dir"
  mkdir -p "$hdr_dir"
  log "workload $w: $warmup s warm-up, then $seconds s measured ..."
  # 5 s more than measured: the client must still be running when its CPU time is read at the window's end.
  ycsb_start -t "$w" "$((warmup + seconds + 5))" "$RUN_DIR/workload-$w.txt" "$hdr_dir"
  sleep "$warmup"
  kill -0 "$YCSB_PID" 2>/dev/null || ycsb_wait "$RUN_DIR/workload-$w.txt" || exit 1
  from=$(date +%s%3N)
  before=$(cpu_seconds "${node_pids[@]}" "$YCSB_PID")
  sleep "$seconds"
  kill -0 "$YCSB_PID" 2>/dev/null || ycsb_wait "$RUN_DIR/workload-$w.txt" || exit 1
  after=$(cpu_seconds "${node_pids[@]}" "$YCSB_PID")
  ycsb_wait "$RUN_DIR/workload-$w.txt"
  report "$w" "$hdr_dir" "$from" "$((from + seconds * 1000))" "$before" "$after" | tee -a "$RUN_DIR/summary.txt"
done
