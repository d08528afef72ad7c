#!/usr/bin/env bash
# Starts an Apache TinkerPop Gremlin Server in the foreground on 127.0.0.1:8182 (or $GREMLIN_PORT),
# configured close to Cosmos DB (see gremlin-server.yaml). Fetches the server from Maven Central
# into .cache/gremlin-server/lib on first use. Usage: npm run gremlin-server
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
lib="$root/.cache/gremlin-server/lib"
if ! compgen -G "$lib/gremlin-server-*.jar" > /dev/null; then
  mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$lib"
fi
yaml="$here/gremlin-server.yaml"
if [[ -n "${GREMLIN_PORT:-}" ]]; then
  # exec below replaces this shell (no exit trap runs): one file per port, overwritten, in the ignored cache.
  yaml="$root/.cache/gremlin-server/gremlin-server-$GREMLIN_PORT.yaml"
  sed "s/^port: .*/port: $GREMLIN_PORT/" "$here/gremlin-server.yaml" > "$yaml"
fi
cd "$here"
exec java -Xmx1g -XX:+UseSerialGC -Dlogback.configurationFile="$here/logback.xml" \
  -cp "$lib/*" org.apache.tinkerpop.gremlin.server.GremlinServer "$yaml"
