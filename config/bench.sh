#!/usr/bin/env bash
# YCSB benchmark of a fresh local cluster: builds, starts three Payara Micro nodes on loopback (N=3, R=2, W=2),
# loads the records, runs each workload after a warm-up and prints throughput, latency percentiles per operation
# and the CPU seconds each node used; stops the cluster at the end, on failure and on Ctrl-C.
#   config/bench.sh [--no-build] [--workloads ABC] [--seconds 60] [--warmup 30] [--threads 16] [--records 10000]
#                   [--jfr]
# --jfr records a JDK Flight Recorder file per node over the whole run (run/bench/NODE.jfr).
# Environment: DYNAMO_PORT (first node's HTTP port, default 8080), DYNAMO_JGROUPS_PORT (default 7800),
# DYNAMO_JAVA_OPTS (node JVM flags, default -Xmx512m), BENCH_CLIENT_OPTS (the YCSB client's JVM flags).
# Data in run/bench/data (wiped at every start), logs and YCSB output in run/bench/. See docs/performance.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DYNAMO_RUN_DIR=run/bench DYNAMO_DATA_DIR=run/bench/data
# shellcheck source=config/lib/nodes.sh
source config/lib/nodes.sh

PORT=${DYNAMO_PORT:-8080}
JGROUPS_PORT=${DYNAMO_JGROUPS_PORT:-7800}
build=true workloads=ABC seconds=60 warmup=30 threads=16 records=10000 jfr=false
while (($#)); do
  case $1 in
    --no-build) build=false ;;
    --workloads) workloads=${2^^}; shift ;;
    --seconds) seconds=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --threads) threads=$2; shift ;;
    --records) records=$2; shift ;;
    --jfr) jfr=true ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) log "unknown option $1"; exit 2 ;;
  esac
  shift
done
[[ $workloads =~ ^[ABC]+$ && $seconds =~ ^[1-9][0-9]*$ && $warmup =~ ^[0-9]+$ && $threads =~ ^[1-9][0-9]*$ \
   && $records =~ ^[1-9][0-9]*$ ]] || { log "bad option value; see --help"; exit 2; }

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

stop_all() {
  trap - EXIT INT TERM
  stop_cluster
}
trap stop_all EXIT
trap 'exit 130' INT TERM

rm -rf "$DATA_DIR" "$RUN_DIR/summary.txt"
mkdir -p "$RUN_DIR"
if $jfr; then
  JAVA_OPTS="$JAVA_OPTS -XX:StartFlightRecording=filename=$RUN_DIR/@NODE@.jfr,settings=profile,dumponexit=true"
fi
# Every node needs the client user: the data API runs as in production, with credentials required.
export DYNAMO_SECURITY_CLIENT_REQUIRED=true
start_cluster

SEEDS=""
for entry in "${CLUSTER_NODES[@]}"; do
  SEEDS+="http://127.0.0.1:$(http_of "$entry")/dynamo/api/v1/,"
done

# ycsb MODE WORKLOAD SECONDS OUTPUT: one YCSB client run (MODE -load or -t) writing its report to OUTPUT.
ycsb() {
  local mode=$1 workload=$2 limit=$3 out=$4 count=100000000
  [[ $mode == -load ]] && count=$records
  # The client's CPU seconds (user + system, from bash's time) go to OUTPUT.cpu: it shares the cores with the nodes.
  local TIMEFORMAT='%U %S' status=0
  # shellcheck disable=SC2086
  { time java ${BENCH_CLIENT_OPTS:--Xmx512m} -cp "$BENCH_CP" site.ycsb.Client "$mode" -s \
    -db io.dynamo.bench.DynamoYcsbDb -P "dynamo-bench/workloads/workload${workload,,}" -threads "$threads" \
    -p recordcount="$records" -p fieldcount=10 -p fieldlength=100 \
    -p operationcount="$count" -p maxexecutiontime="$limit" \
    -p measurementtype=hdrhistogram -p hdrhistogram.percentiles=50,95,99,99.9 \
    -p dynamo.seeds="$SEEDS" -p dynamo.user=client -p dynamo.password="$DYNAMO_SECURITY_CLIENT_PASSWORD" \
    >"$out" 2>"$out.status"; } 2>"$out.cpu" || status=$?
  if ((status)); then
    log "YCSB failed; see $out and $out.status"
    tail -n 20 "$out.status" >&2
    return 1
  fi
}

# CPU seconds (user + system) each node has used so far, space-separated.
cpu_seconds() {
  local entry ticks
  ticks=$(getconf CLK_TCK)
  for entry in "${CLUSTER_NODES[@]}"; do
    # Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    awk -v t="$ticks" '{ sub(/^.*\) /, ""); split($0, f, " "); printf "%.2f ", (f[12] + f[13]) / t }' \
      "/proc/$(pid_of "$(name_of "$entry")")/stat"
  done
}

# report WORKLOAD OUTPUT CPU_BEFORE CPU_AFTER: the summary of one measured run.
report() {
  local workload=$1 out=$2 before=($3) after=($4) i
  printf '\n== workload %s: %s threads, %s s after %s s warm-up, %s records (load %s)\n' "$workload" "$threads" \
    "$seconds" "$warmup" "$records" "$(uptime | sed 's/.*load average/load average/')"
  awk -F', ' '
    $1 == "[OVERALL]" && $2 == "Throughput(ops/sec)" { printf "throughput %.0f ops/s\n", $3 }
    $1 ~ /^\[(READ|UPDATE|INSERT|DELETE)\]$/ {
      op = substr($1, 2, length($1) - 2)
      if ($2 == "Operations") { n[op] = $3; ops[++k] = op }
      else if ($2 == "AverageLatency(us)") avg[op] = $3
      else if ($2 ~ /^50/) p50[op] = $3
      else if ($2 ~ /^95/) p95[op] = $3
      else if ($2 ~ /^99th/) p99[op] = $3
      else if ($2 ~ /^99\.9/) p999[op] = $3
      else if ($2 ~ /^Return=/ && $2 != "Return=OK") err[op] = err[op] " " substr($2, 8) "=" $3
    }
    END {
      printf "%-7s %9s %9s %9s %9s %9s %9s  (latency in ms)\n", "op", "count", "avg", "p50", "p95", "p99", "p99.9"
      for (i = 1; i <= k; i++) { op = ops[i]
        printf "%-7s %9d %9.2f %9.2f %9.2f %9.2f %9.2f%s\n", op, n[op], avg[op] / 1000, p50[op] / 1000,
          p95[op] / 1000, p99[op] / 1000, p999[op] / 1000, (err[op] == "" ? "" : "  errors:" err[op]) }
    }' "$out"
  printf 'CPU seconds:'
  for i in "${!CLUSTER_NODES[@]}"; do
    printf ' %s %.1f' "$(name_of "${CLUSTER_NODES[$i]}")" "$(echo "${after[$i]} - ${before[$i]}" | bc)"
  done
  awk '{ printf " client %.1f", $1 + $2 }' "$out.cpu"
  printf '\n'
}

log "loading $records records of 10 fields x 100 bytes ..."
ycsb -load A 600 "$RUN_DIR/load.txt"
grep -E '^\[(OVERALL|INSERT)\], (Throughput|Operations|Return)' "$RUN_DIR/load.txt" >&2
# YCSB stops a loading thread at its first failed insert and still ends "successfully": measuring a partial load
# would count reads of missing records as fast answers.
loaded=$(awk -F', ' '$1 == "[INSERT]" && $2 == "Return=OK" { print $3 }' "$RUN_DIR/load.txt")
if [[ ${loaded:-0} != "$records" ]]; then
  log "the load stored ${loaded:-0} of $records records; the nodes' errors are in $RUN_DIR/load.txt.status and $RUN_DIR/node*.log"
  exit 1
fi
for ((i = 0; i < ${#workloads}; i++)); do
  w=${workloads:i:1}
  if ((warmup > 0)); then
    log "workload $w: warm-up, $warmup s ..."
    ycsb -t "$w" "$warmup" "$RUN_DIR/warmup-$w.txt"
  fi
  log "workload $w: measuring, $seconds s ..."
  before=$(cpu_seconds)
  ycsb -t "$w" "$seconds" "$RUN_DIR/workload-$w.txt"
  after=$(cpu_seconds)
  report "$w" "$RUN_DIR/workload-$w.txt" "$before" "$after" | tee -a "$RUN_DIR/summary.txt"
done
