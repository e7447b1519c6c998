#!/usr/bin/env bash
# dynamo-admin, the operators' command line over the admin API (docs/cli.md):
#   config/dynamo-admin.sh [--node URL] [--credentials FILE] [--json] [--timeout SECONDS] COMMAND ...
#   config/dynamo-admin.sh --help
# Runs dynamo-admin/target/dynamo-admin.jar (DYNAMO_ADMIN_JAR names another); builds nothing. Without
# --credentials, DYNAMO_ADMIN_PASSWORD or DYNAMO_ADMIN_USER it signs in as admin with the password the local
# cluster keeps in data/credentials, when that file is readable. Nodes: --node, else DYNAMO_NODES, else
# http://127.0.0.1:8080. Environment: DYNAMO_ADMIN_JAVA_OPTS (extra JVM options).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jar=${DYNAMO_ADMIN_JAR:-$root/dynamo-admin/target/dynamo-admin.jar}
if [[ ! -f $jar ]]; then
  printf 'dynamo-admin: %s is missing; build it with\n  (cd %s && ./mvnw -B -q -DskipTests package -pl dynamo-admin -am)\n' \
    "$jar" "$root" >&2
  exit 2
fi

args=("$@")
has_credentials=false
for arg in "${args[@]}"; do
  [[ $arg == --credentials || $arg == --credentials=* ]] && has_credentials=true
done
if ! $has_credentials && [[ -z ${DYNAMO_ADMIN_PASSWORD:-} && -z ${DYNAMO_ADMIN_USER:-} \
      && -r $root/data/credentials ]]; then
  args=(--credentials "$root/data/credentials" "${args[@]}")
fi

# shellcheck disable=SC2206
java_opts=(${DYNAMO_ADMIN_JAVA_OPTS:-})
exec java "${java_opts[@]}" -jar "$jar" "${args[@]}"
