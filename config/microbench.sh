#!/usr/bin/env bash
# JMH microbenchmarks of one node's hot paths, in one process: context encode/decode, sibling merges, the stored
# form of a key, the Xodus storage engine's read, coordinated write and merge-write, and the cluster cipher
# sealing and opening a message (dynamo-bench, package io.dynamo.bench.jmh). Not part of the tests.
#   config/microbench.sh [--no-build] [JMH options and benchmark patterns]
# e.g. config/microbench.sh VersionBench;  config/microbench.sh XodusBench -t 2;  config/microbench.sh -h
# Results are printed at the end (average time per operation); see docs/performance.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build=true
if [[ ${1:-} == --no-build ]]; then
  build=false
  shift
fi
if $build; then
  echo "building (./mvnw -B -q -DskipTests package -pl dynamo-bench -am) ..." >&2
  ./mvnw -B -q -DskipTests package -pl dynamo-bench -am
fi
[[ -f dynamo-bench/target/classpath.txt ]] || { echo "dynamo-bench is not built: run without --no-build" >&2; exit 1; }
exec java -cp "dynamo-bench/target/classes:$(cat dynamo-bench/target/classpath.txt)" org.openjdk.jmh.Main "$@"
