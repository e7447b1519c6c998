#!/usr/bin/env bash
# Opens the JavaFX admin console against the local cluster, building the module first if needed.
#   config/console.sh [URL] [--user USER] [--password-file FILE] [--screenshots DIR] [--key KEY]
# URL defaults to http://127.0.0.1:${DYNAMO_PORT:-8080}; the admin password comes from DYNAMO_ADMIN_PASSWORD or the
# local cluster's data/credentials (DYNAMO_SECURITY_ADMIN_PASSWORD=...). Without a display (no DISPLAY or
# WAYLAND_DISPLAY) it renders headless with Monocle, which is what --screenshots needs on a server.
# Environment: DYNAMO_CONSOLE_JAVA_OPTS (extra JVM options), DYNAMO_CONSOLE_BUILD=always to rebuild.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

jar=dynamo-console/target/dynamo-console-0.1.0-SNAPSHOT.jar
classpath_file=dynamo-console/target/classpath.txt
stale=$(find dynamo-console/src dynamo-console/pom.xml -newer "$jar" -print -quit 2>/dev/null || echo missing)
missing_library() {
  local entry
  [[ -f $classpath_file ]] || return 0
  IFS=: read -r -a entries < "$classpath_file"
  for entry in "${entries[@]}"; do [[ -f $entry ]] || return 0; done
  return 1
}
if [[ ! -f $jar || -n $stale || ${DYNAMO_CONSOLE_BUILD:-} == always ]] || missing_library; then
  echo "building the console (./mvnw -B -q -DskipTests package -pl dynamo-console -am) ..." >&2
  ./mvnw -B -q -DskipTests package -pl dynamo-console -am
fi

args=("$@")
has_url=false
has_password=false
for ((i = 0; i < ${#args[@]}; i++)); do
  case ${args[i]} in
    --password-file) has_password=true; i=$((i + 1)) ;;
    --user|--screenshots|--key) i=$((i + 1)) ;;
    --url) has_url=true; i=$((i + 1)) ;;
    --*) ;;
    *) has_url=true ;;
  esac
done
$has_url || args=("http://127.0.0.1:${DYNAMO_PORT:-8080}" "${args[@]}")
if ! $has_password && [[ -z ${DYNAMO_ADMIN_PASSWORD:-} && -r data/credentials ]]; then
  args+=(--password-file data/credentials)
fi

java_opts=()
if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
  java_opts+=(-Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Djava.awt.headless=true)
fi
# shellcheck disable=SC2206
java_opts+=(${DYNAMO_CONSOLE_JAVA_OPTS:-})
exec java "${java_opts[@]}" -cp "$jar:$(cat "$classpath_file")" io.dynamo.console.Main "${args[@]}"
