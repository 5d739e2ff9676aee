#!/usr/bin/env bash
# Compiles serving (and the modules it needs) into target-<BUILD_DIR> and prints a runtime
# class path made of those classes plus the Maven dependencies. Used by the other scripts.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${PI_BUILD_DIR:-target-serving}"
cd "$root"
deps="$root/serving/$build/runtime-classpath.txt"
# -am so core's dependencies come from this tree's pom; each module writes the file, serving last.
# One invocation with the compile phase: without a phase Maven 3.8 cannot resolve the reactor's
# own modules (nothing of ours is in ~/.m2) and build-classpath fails.
mvn -B -ntp -q -pl serving -am -Dpi.build.dir="$build" compile dependency:build-classpath \
  -Dmdep.outputFile="$deps" -Dmdep.includeScope=runtime >&2
# our own modules from this tree, not from the local Maven repository
cp_deps="$(tr ':' '\n' < "$deps" | grep -v '/org/patientinsight/' | paste -sd: -)"
echo "$root/serving/$build/classes:$root/core/$build/classes:$root/pinecone/$build/classes:$cp_deps"
