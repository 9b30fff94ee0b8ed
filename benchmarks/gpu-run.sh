#!/usr/bin/env bash
# The engine on an NVIDIA GPU: every OpenCL test, the face-swap demo, one DCGAN epoch, the
# benchmarks, and PyTorch on CUDA (cuBLAS, cuDNN) for comparison, in the same sitting. Two halves:
#
#   benchmarks/gpu-run.sh bundle
#       Here, with JDK 17 and Maven: builds gpu-bundle/ (about 60 MB), everything a GPU machine
#       without Java needs: a small Java runtime (jlink), the jars, the test classes, Debian's
#       Fashion-MNIST, the Fashion-MNIST judge of `gan train`, and the PyTorch reference script.
#   benchmarks/gpu-run.sh run OUT [STAGE ...]
#       There, as root, on a machine with the NVIDIA driver, CUDA and PyTorch: points OpenCL at
#       the driver, runs the stages (default: all, in this order), and leaves summary.txt and
#       gpu-run.tar.gz (every log, JSON and picture) in OUT.
#
# Stages: setup devices torch sgemm steps tilings profile tests faces demo dcgan clblast. Each runs under a time
# limit (GPU_RUN_DEADLINE seconds for the whole run, default 560), so a device lent for a few
# minutes always gives back what was measured. ../shared/gpu/README.md explains the set-up.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
bundle="$root/gpu-bundle"

build_bundle() {
  set -e
  command -v jlink >/dev/null || { echo "jlink is missing: install a JDK 17 (apt-get install openjdk-17-jdk-headless)" >&2; exit 1; }
  data=/usr/share/datasets/fashion-mnist
  [ -f "$data/train-images-idx3-ubyte.gz" ] || { echo "Fashion-MNIST is missing: apt-get install dataset-fashion-mnist" >&2; exit 1; }
  judge="$HOME/.cache/masquerade/fashion-classifier-3-epochs"
  [ -f "$judge/classifier.json" ] || { echo "No judge in $judge: run 'masquerade gan train --limit 64 --epochs 1' once to train it" >&2; exit 1; }
  anchors="$root/../shared/anchors"
  [ -f "$anchors/torch_reference.py" ] || { echo "No $anchors/torch_reference.py" >&2; exit 1; }
  (cd "$root" && mvn -q -B -Dstyle.color=never -DskipTests install)
  rm -rf "$bundle" && mkdir -p "$bundle/lib" "$bundle/data"
  # the runtime uncompressed inside, xz outside: smaller than jlink's own compression
  jlink --add-modules java.base,java.desktop,jdk.unsupported,java.logging,java.management,jdk.incubator.vector \
        --strip-debug --no-man-pages --no-header-files --compress=0 --output "$bundle/jre" 2>/dev/null
  tar -C "$bundle" -cf - jre | xz -T0 -9 > "$bundle/jre.tar.xz" && rm -rf "$bundle/jre"
  # the benchmarks jar holds every module but the CLI; natives for other systems are dropped
  cp "$root/benchmarks/target/benchmarks.jar" "$bundle/lib/"
  zip -q -d "$bundle/lib/benchmarks.jar" 'lib/apple/*' 'lib/windows/*' '*windows*' '*apple*' '*arm64*' 'org/jline/nativ/Mac/*' \
      'org/jline/nativ/Windows/*' 'org/jline/nativ/Linux/x86/*' >/dev/null || true
  cp "$root"/cli/target/cli-*-SNAPSHOT.jar "$root"/tutorials/target/tutorials-*-SNAPSHOT.jar "$root"/coursework/target/coursework-*-SNAPSHOT.jar "$bundle/lib/"
  cp "$HOME"/.m2/repository/info/picocli/picocli/4.7.6/picocli-4.7.6.jar "$bundle/lib/"
  cp "$root"/engine/target/engine-*-tests.jar "$bundle/lib/"
  # the kernels' tests (all but the architecture rules, whose ArchUnit is not carried) and nn's fused Adam on the device
  (cd "$root/kernels/target/test-classes" && zip -q -r "$bundle/lib/kernels-tests.jar" . \
     && find dev -name '*Test.class' ! -name '*ArchitectureTest.class' | sed 's/\.class$//; s|/|.|g' > "$bundle/lib/kernels-tests.txt")
  (cd "$root/nn/target/test-classes" && zip -q "$bundle/lib/kernels-tests.jar" dev/masquerade/nn/optim/AdamFusedStepTest*.class \
     && echo dev.masquerade.nn.optim.AdamFusedStepTest >> "$bundle/lib/kernels-tests.txt")
  # face-api's networks against face-api's own outputs, on the device (faces stage): the tests, their
  # fixtures, and the weights and photos they need
  (cd "$root/faces/target/test-classes" && zip -q -r "$bundle/lib/faces-tests.jar" .)
  models="$HOME/.cache/masquerade/models/face-api-1.7.15" photos="$HOME/.cache/masquerade/photos"
  [ -f "$models/tiny_face_detector_model.bin" ] || "$root/scripts/fetch-face-models.sh"
  [ -f "$photos/astronaut.png" ] || "$root/scripts/fetch-photos.sh"
  tar -C "$HOME/.cache" -cf "$bundle/faces-cache.tar" masquerade/models/face-api-1.7.15 masquerade/photos/astronaut.png \
      masquerade/photos/grace_hopper_512x512.jpg
  mvn -q -B dependency:copy -Dartifact=org.junit.platform:junit-platform-console-standalone:1.11.4 -DoutputDirectory="$bundle/lib"
  for f in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do
    zcat "$data/$f.gz" | xz -T0 -9 > "$bundle/data/$f.xz"
  done
  tar -C "$(dirname "$judge")" -cf - "$(basename "$judge")" | xz -9 > "$bundle/judge.tar.xz"
  cp "$anchors/torch_reference.py" "$bundle/"
  # an ICD loader, in case the machine has none
  (cd "$bundle" && apt-get download ocl-icd-libopencl1 2>/dev/null) || echo "(no ocl-icd-libopencl1 .deb: the machine's loader must do)"
  # Debian's Java decodes JPEG through the system's libjpeg.so.62, which a CUDA image may lack
  (cd "$bundle" && apt-get download libjpeg62-turbo 2>/dev/null && mv libjpeg62-turbo_*.deb libjpeg62-turbo.deb) || echo "(no libjpeg62-turbo .deb: JPEG photos need the machine's)"
  grep -qx '/gpu-bundle/' "$root/.git/info/exclude" 2>/dev/null || echo '/gpu-bundle/' >> "$root/.git/info/exclude"
  du -sh "$bundle"
}

started=$(date +%s)
deadline=${GPU_RUN_DEADLINE:-560}
work=/tmp/masquerade-gpu-run

# stage NAME SECONDS COMMAND...: runs the command under the smaller of its limit and the time left,
# logging to NAME.log; a failure or timeout is recorded and the run goes on.
stage() {
  local name="$1" limit="$2"
  shift 2
  local left=$(( deadline - ($(date +%s) - started) ))
  [ "$limit" -gt "$left" ] && limit=$left
  if [ "$limit" -lt 10 ]; then
    echo "$name: skipped, out of time" | tee -a "$work/summary.txt"
    return
  fi
  local begin=$(date +%s)
  echo "== $name (limit ${limit} s)"
  timeout --kill-after=5 "$limit" "$@" > "$work/$name.log" 2>&1
  local rc=$?
  echo "$name: exit $rc in $(( $(date +%s) - begin )) s" | tee -a "$work/summary.txt"
  tail -n 15 "$work/$name.log"
}

set_up() {
  mkdir -p "$work"
  [ -x "$work/jre/bin/java" ] || tar -C "$work" -xJf "$bundle/jre.tar.xz"
  # each part only where it was carried: a run of a few stages may leave the others' data behind
  mkdir -p "$work/fashion-mnist"
  for f in "$bundle"/data/*.xz; do
    target="$work/fashion-mnist/$(basename "$f" .xz)"
    [ -f "$f" ] && [ ! -f "$target" ] && xz -dc "$f" > "$target"
  done
  [ -f "$bundle/judge.tar.xz" ] && [ ! -d "$work/fashion-classifier-3-epochs" ] && tar -C "$work" -xJf "$bundle/judge.tar.xz"
  [ -f "$bundle/faces-cache.tar" ] && mkdir -p "$work/cache" && tar -C "$work/cache" -xf "$bundle/faces-cache.tar"
  # OpenCL: the ICD loader (libOpenCL.so.1) loads the drivers that *.icd files name. Only the NVIDIA
  # driver's is offered here, so that opencl:0 is the GPU: the CUDA image also has PoCL, which
  # would otherwise come first (on 2026-12-04 the whole first run went to PoCL on the host's CPU).
  nvidia_cl=$(ldconfig -p | awk '/libnvidia-opencl.so.1/ {print $NF; exit}')
  [ -n "$nvidia_cl" ] || nvidia_cl=$(find /usr/local/nvidia /usr/lib /usr/lib64 /usr/local/cuda* -name 'libnvidia-opencl.so.1' 2>/dev/null | head -1)
  if [ -n "$nvidia_cl" ]; then
    mkdir -p "$work/icd"
    echo "$nvidia_cl" > "$work/icd/nvidia.icd"
    export OCL_ICD_VENDORS="$work/icd" OCL_ICD_FILENAMES="$nvidia_cl"
  fi
  if ! ldconfig -p | grep -q 'libOpenCL.so.1'; then
    cuda_cl=$(find /usr/local/cuda*/ /usr/local/nvidia /usr/lib -name 'libOpenCL.so.1' 2>/dev/null | head -1)
    if [ -n "$cuda_cl" ]; then
      export LD_LIBRARY_PATH="$(dirname "$cuda_cl")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
    else
      deb=$(ls "$bundle"/ocl-icd-libopencl1_*.deb 2>/dev/null | head -1)
      [ -n "$deb" ] && dpkg -x "$deb" "$work/ocl" && export LD_LIBRARY_PATH="$work/ocl/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
    fi
  fi
  jpeg=$(ls "$bundle"/libjpeg62-turbo.deb 2>/dev/null)
  if ! ldconfig -p | grep -q 'libjpeg.so.62' && [ -n "$jpeg" ]; then
    dpkg -x "$jpeg" "$work/jpeg" && export LD_LIBRARY_PATH="$work/jpeg/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  fi
  echo "OpenCL driver: ${OCL_ICD_FILENAMES:-none of NVIDIA's found, the system's ICDs} LD_LIBRARY_PATH=${LD_LIBRARY_PATH:-}"
  nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.sm,clocks.max.sm --format=csv | tee "$work/nvidia-smi.csv"
}

run_all() {
  local out="$1"
  shift
  local stages=("$@")
  [ ${#stages[@]} -gt 0 ] || stages=(setup devices torch sgemm steps tilings profile tests faces demo dcgan clblast)
  mkdir -p "$work" "$out"
  echo "gpu-run $(date -u +%FT%TZ): ${stages[*]}" >> "$work/summary.txt"
  set_up
  java="$work/jre/bin/java"
  lib="$bundle/lib"
  engine_cp="$lib/benchmarks.jar"
  cli_cp="$engine_cp:$(ls "$lib"/cli-*.jar):$(ls "$lib"/tutorials-*.jar):$(ls "$lib"/coursework-*.jar):$lib/picocli-4.7.6.jar"
  cli=("$java" --add-modules jdk.incubator.vector -cp "$cli_cp" dev.masquerade.cli.Masquerade)
  jmh=("$java" -cp "$engine_cp" org.openjdk.jmh.Main -f 1 -wi 1 -w 500ms -i 3 -r 500ms)
  # profiled runs stay in one JVM (-f 0), so that KernelProfile's table at exit covers the benchmark
  profiled=("$java" -Dmasquerade.opencl.profile=true --add-modules jdk.incubator.vector -cp "$engine_cp")
  jmh_profiled=(org.openjdk.jmh.Main -f 0 -wi 1 -w 300ms -i 2 -r 300ms)
  # every test class of the kernels module, named one by one (the console launcher finds none by scanning a jar)
  test_classes=()
  for c in $(cat "$lib/kernels-tests.txt"); do
    test_classes+=(--select-class "$c")
  done
  for s in "${stages[@]}"; do
    case "$s" in
      setup) ;;
      devices) stage devices 30 "${cli[@]}" devices
               # every later stage uses opencl:0: stop here, before spending the lease, unless it is a GPU
               if ! grep -q 'opencl:0 .*(GPU,' "$work/devices.log" && [ -z "${GPU_RUN_ANY_DEVICE:-}" ]; then
                 echo "opencl:0 is not a GPU (see above): stopping (GPU_RUN_ANY_DEVICE=1 runs anyway)" | tee -a "$work/summary.txt"
                 cp "$work/summary.txt" "$out/"
                 return 3
               fi ;;
      tests) stage tests 150 "$java" -Dopencl.required=true --add-modules jdk.incubator.vector -jar "$lib"/junit-platform-console-standalone-*.jar \
               execute --class-path "$lib/kernels-tests.jar:$(ls "$lib"/engine-*-tests.jar):$engine_cp" "${test_classes[@]}" \
               --details=summary --disable-banner --reports-dir "$work/junit" ;;
      faces) # face-api's three networks on the device: its outputs reproduced (the faces module's tests), then timed
             stage faces-tests 120 env CI=true XDG_CACHE_HOME="$work/cache" "$java" -Dmasquerade.device=opencl:0 --add-modules jdk.incubator.vector \
               -jar "$lib"/junit-platform-console-standalone-*.jar execute \
               --class-path "$lib/faces-tests.jar:$(ls "$lib"/engine-*-tests.jar):$engine_cp" \
               --select-class dev.masquerade.faces.RawOutputsTest --select-class dev.masquerade.faces.FaceAnalyzerTest \
               --details=tree --disable-banner --reports-dir "$work/junit-faces"
             stage faces-detect 60 env XDG_CACHE_HOME="$work/cache" "${cli[@]}" --device opencl:0 faces detect \
               --input "$work/cache/masquerade/photos" --out "$work/faces-opencl"
             faces_jmh=(env XDG_CACHE_HOME="$work/cache" "$java" -cp "$engine_cp" org.openjdk.jmh.Main '\.FaceNetworks\.' -f 1 -wi 3 -w 1 -i 5 -r 1
               -p photo="$work/cache/masquerade/photos/astronaut.png")
             stage faces-jmh-opencl 60 "${faces_jmh[@]}" -jvmArgsAppend -Dmasquerade.device=opencl:0 -rf json -rff "$work/jmh-faces-opencl.json"
             stage faces-jmh-cpu 60 "${faces_jmh[@]}" -rf json -rff "$work/jmh-faces-cpu.json" ;;
      torch) stage torch 60 env PYTHONUNBUFFERED=1 python3 "$bundle/torch_reference.py" --device cuda --json "$work/torch-cuda.json" ;;
      sgemm) stage sgemm 140 "${jmh[@]}" '\.OpenClSgemm\.' -p n=1024,2048,4096,8192 -p kernel=naive,tiled,more_work,register_blocked,tuned \
               -rf json -rff "$work/jmh-sgemm.json" ;;
      steps) stage steps 50 "${jmh[@]}" '\.(Conv3x3|FaceswapSmall|Dcgan28)\.' -p device=opencl:0 -rf json -rff "$work/jmh-steps.json" ;;
      tilings) # the time of every tiling the tuner tries on a 4096 product (a fresh tuning cache), from KernelProfile
               stage tilings 40 "${profiled[@]}" -Duser.home="$work/fresh-home" "${jmh_profiled[@]}" '\.OpenClSgemm\.' -p n=4096 -p kernel=tuned ;;
      profile) # where the device time goes (KernelProfile): conv3x3 forward+backward and the two training steps, kernel by kernel
               stage profile-conv 30 "${profiled[@]}" "${jmh_profiled[@]}" '\.Conv3x3\.forwardBackward' -p device=opencl:0
               stage profile-faceswap 30 "${profiled[@]}" "${jmh_profiled[@]}" '\.FaceswapSmall\.' -p device=opencl:0
               stage profile-dcgan 30 "${profiled[@]}" "${jmh_profiled[@]}" '\.Dcgan28\.' -p device=opencl:0 ;;
      clblast) stage clblast 60 "${jmh[@]}" '\.ClBlastSgemm\.' -p n=1024,2048,4096,8192 -rf json -rff "$work/jmh-clblast.json" ;;
      demo) stage demo 80 "${cli[@]}" --device opencl:0 demo --no-progress --out "$work/demo-opencl" ;;
      dcgan) stage dcgan 80 "${cli[@]}" --device opencl:0 gan train --epochs 1 --no-progress --data "$work/fashion-mnist" \
               --classifier "$work/fashion-classifier-3-epochs" --out "$work/dcgan-opencl" ;;
      *) echo "unknown stage $s: use setup devices torch sgemm steps tilings profile tests faces demo dcgan clblast" >&2; return 2 ;;
    esac
  done
  cp ~/.cache/masquerade/opencl-matmul.properties "$work/" 2>/dev/null
  cp "$work/summary.txt" "$out/"
  tar -C "$work" -czf "$out/gpu-run.tar.gz" --exclude=jre --exclude=fashion-mnist --exclude=fashion-classifier-3-epochs --exclude=ocl \
      --exclude='checkpoint*' --exclude='*.bin' .
  echo "== summary"
  cat "$work/summary.txt"
  echo "== results"
  for f in tests sgemm steps clblast; do
    [ -f "$work/$f.log" ] && grep -E '^[A-Z][A-Za-z0-9]+\.[A-Za-z]+ |tests (successful|failed|found)' "$work/$f.log"
  done
  [ -f "$work/torch-cuda.json" ] && tr -d '\n' < "$work/torch-cuda.json" && echo
  for f in demo dcgan; do
    [ -f "$work/$f.log" ] && tail -n 3 "$work/$f.log"
  done
  for f in "$work"/tilings.log "$work"/profile-*.log; do
    [ -f "$f" ] && echo "== $(basename "$f")" && sed -n '/OpenCL kernel profile/,$p' "$f" | head -n 12 && grep '^device time' "$f"
  done
  return 0
}

case "${1:-}" in
  bundle) build_bundle ;;
  run) [ $# -ge 2 ] || { echo "usage: $0 run OUT [STAGE ...]" >&2; exit 2; }
       shift; run_all "$@" ;;
  *) echo "usage: $0 bundle | run OUT [setup devices torch sgemm steps tilings profile tests demo dcgan clblast]" >&2; exit 2 ;;
esac
