#!/usr/bin/env bash
# Compiles serving (and the modules it needs) into target-<BUILD_DIR> and prints a runtime
# class path made of those classes plus the Maven dependencies. Used by the other scripts.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${PI_BUILD_DIR:-target-serving}"
cd "$root"
deps="$root/serving/$build/runtime-classpath.txt"
# one invocation: the reactor then resolves our modules (settings, core, integrations, pinecone) to their compiled classes (a
# separate dependency:build-classpath run would look for their jars in ~/.m2 and fail);
# -am so core's dependencies come from this tree's pom; each module writes the file, serving last
mvn -B -ntp -q -pl serving -am -Dpi.build.dir="$build" compile dependency:build-classpath \
  -Dmdep.outputFile="$deps" -Dmdep.includeScope=runtime >&2
# our own modules from this tree, not from the local Maven repository
cp_deps="$(tr ':' '\n' < "$deps" | grep -v '/org/patientinsight/' | paste -sd: -)"
ours=""
for m in serving settings core integrations pinecone; do ours="$ours$root/$m/$build/classes:"; done
echo "$ours$cp_deps"
