#!/bin/bash
# Per-layer times, engine then PyTorch, 2 threads each: the motion model's convolutions that
# changed path (forward, weight gradient, input gradient), the BatchNorm layer and 2x2 average
# pooling. Needs the benchmarks jar: mvn -q -B install -DskipTests. For a before/after, put an
# older build's engine/target/classes and nn/target/classes ahead of the jar on the classpath.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/../../target/benchmarks.jar"
build="$(mktemp -d)"
javac -cp "$jar" -d "$build" "$here/Parts.java" "$here/BnTime.java" "$here/PoolTime.java"
run() { java --add-modules jdk.incubator.vector -Dmasquerade.cpu.threads=2 -cp "${CLASSES:+$CLASSES:}$jar:$build" "$@" 2>&1 | grep -v WARNING; }
layers="8,35,40,7,32 8,35,10,7,32 8,76,11,7,16 8,35,3,7,64 8,128,32,3,32 8,64,32,3,64 8,3,32,7,64"
run Parts $layers
/usr/bin/python3 "$here/parts.py" $layers
run BnTime 8,64,32,32 8,32,64,64
/usr/bin/python3 "$here/bn.py" 8,64,32,32 8,32,64,64
run PoolTime 8,128,32,32 8,64,64,64 24,3,64,64
