# Sourced by the comparison scripts: sets $jar to benchmarks/target/benchmarks.jar, building the
# project first when the jar is missing or older than any pom.xml or main source.
jar="$root/benchmarks/target/benchmarks.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root" \( -name pom.xml -o -path '*/src/main/*' \) -newer "$jar" -print -quit)" ]; then
  echo "Building benchmarks.jar ..." >&2
  (cd "$root" && mvn -q -B -Dstyle.color=never -DskipTests install)
fi
