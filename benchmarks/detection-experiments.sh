#!/usr/bin/env bash
# The detection experiments of README's "Spotting the fake" (issue 22), start to finish.
#
#   benchmarks/detection-experiments.sh [--out DIR] [--runs DIR] [--translation RUN ...]
#
# 1. Trains what makes the fakes, each into --runs (default /tmp/masquerade-detection-runs),
#    skipping any that has finished already: DCGAN-28 on Fashion-MNIST with each upsampling
#    (transposed, the paper's; resize; shuffle), 5 epochs each, an early DCGAN-28 of 300 steps,
#    the face swap demo (synthetic faces) and a face swap of two people's faces extracted from
#    Megamind.avi by the workflow (FACES_A and FACES_B: two folders of aligned faces, such as two
#    people/identity_N folders of 'faceswap sort'; skipped when unset). Each --translation names a
#    'translate train' run (README's measured ones, made by the commands of benchmarks/RESULTS.md:
#    sneakers2sandals --model cyclegan --steps 3000; superres --model pix2pix --steps 3000;
#    day2night --model cyclegan --steps 600 --width 16 --batch-size 4); none when not given.
#    The photo tasks' detectors are judged on 64×64 tiles of their held-out photos.
# 2. Trains detectors (spectrum, cnn, cnn --augment) on one generator each and writes their
#    folders into --out/runs; copies each metrics.json to --out/NAME.json.
# 3. Judges the three DCGAN detectors on every DCGAN, clean, as JPEG 75 and blurred by 1 pixel
#    (--out/evaluate-NAME.json), and draws the mean spectra side by side (--out/fingerprints.png).
# 4. Asks whether the spectral detector's miss on the trained DCGAN-28 is the averaged curve's
#    fault: the same logistic regression on the whole 2-d spectrum and on the pixels
#    (spectrum-variants.py, numpy; --out/spectrum-variants.json).
#
# --out defaults to benchmarks/results/detection. About an hour and a half on two cores, most of
# it the three GANs. MASQUERADE_JAR: a copy of the jar, so that rebuilding meanwhile is safe.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$root/benchmarks/results/detection"
runs=/tmp/masquerade-detection-runs
translations=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --translation) translations+=("$2"); shift 2 ;;
    *) echo "detection-experiments.sh: unknown option $1 (--out DIR, --runs DIR, --translation RUN)" >&2; exit 2 ;;
  esac
done
jar="${MASQUERADE_JAR:-$root/cli/target/masquerade.jar}"
if [ ! -f "$jar" ]; then
  echo "detection-experiments.sh: $jar is missing; build it first: mvn -q -B install -DskipTests" >&2
  exit 1
fi
masquerade() { java --add-modules jdk.incubator.vector -jar "$jar" "$@" 2>&1 | sed '/incubator/d'; }
mkdir -p "$runs" "$out/runs"

# 1. the generators
for up in transposed resize shuffle; do
  [ -f "$runs/dcgan28-$up/metrics.json" ] || masquerade gan train --dataset fashion-mnist --epochs 5 --upsampling "$up" \
    --out "$runs/dcgan28-$up" --no-progress
done
[ -f "$runs/dcgan28-300-steps/metrics.json" ] || masquerade gan train --dataset fashion-mnist --epochs 1 --limit 19200 \
  --out "$runs/dcgan28-300-steps" --no-progress
[ -f "$runs/demo/metrics.json" ] || masquerade demo --out "$runs/demo" --no-progress
if [ -n "${FACES_A:-}" ] && [ -n "${FACES_B:-}" ] && [ ! -f "$runs/megamind-swap/metrics.json" ]; then
  masquerade faceswap train --a "$FACES_A" --b "$FACES_B" --width 16 --latent 128 --steps 1000 --out "$runs/megamind-swap" --no-progress
fi

# 2. the detectors: NAME METHOD REAL FAKE [cnn options]
detector() {
  local name="$1" method="$2" real="$3" fake="$4"; shift 4
  if [ ! -f "$out/runs/$name/metrics.json" ]; then
    rm -rf "$out/runs/$name"
    masquerade detect train --real "$real" --fake "$fake" --method "$method" "$@" --out "$out/runs/$name"
  fi
  cp "$out/runs/$name/metrics.json" "$out/$name.json"
}
detector spectrum-dcgan28 spectrum fashion-mnist "$runs/dcgan28-transposed"
detector cnn-dcgan28 cnn fashion-mnist "$runs/dcgan28-transposed" --no-progress
detector cnn-aug-dcgan28 cnn fashion-mnist "$runs/dcgan28-transposed" --augment --no-progress
detector spectrum-dcgan28-300-steps spectrum fashion-mnist "$runs/dcgan28-300-steps"
detector spectrum-dcgan28-resize spectrum fashion-mnist "$runs/dcgan28-resize"
detector spectrum-dcgan28-shuffle spectrum fashion-mnist "$runs/dcgan28-shuffle"
detector spectrum-faces spectrum "$runs/demo" "$runs/demo"
detector cnn-faces cnn "$runs/demo" "$runs/demo" --no-progress
if [ -d "$runs/megamind-swap" ]; then
  detector spectrum-megamind spectrum "$runs/megamind-swap" "$runs/megamind-swap"
  detector cnn-megamind cnn "$runs/megamind-swap" "$runs/megamind-swap" --no-progress
fi
for translation in "${translations[@]}"; do
  task="$(sed -n 's/^ *"task" : "\(.*\)",$/\1/p' "$translation/metrics.json")"
  detector "spectrum-$task" spectrum "$translation" "$translation"
  detector "cnn-$task" cnn "$translation" "$translation" --no-progress
done

# 3. where they break, and the fingerprints
for name in spectrum-dcgan28 cnn-dcgan28 cnn-aug-dcgan28; do
  masquerade detect evaluate --model "$out/runs/$name" --real fashion-mnist --fake "$runs/dcgan28-transposed" \
    --fake "$runs/dcgan28-resize" --fake "$runs/dcgan28-shuffle" --fake "$runs/dcgan28-300-steps" --out "$out/runs/evaluate-$name"
  cp "$out/runs/evaluate-$name/metrics.json" "$out/evaluate-$name.json"
done
masquerade detect spectra --source fashion-mnist --source "$runs/dcgan28-300-steps" --source "$runs/dcgan28-transposed" \
  --source "$runs/dcgan28-resize" --source "$runs/dcgan28-shuffle" --out "$out/runs/spectra"
cp "$out/runs/spectra/fingerprints.png" "$out/runs/spectra/spectra.png" "$out/"
cp "$out/runs/spectra/metrics.json" "$out/spectra.json"

# 4. the spectral miss on the trained DCGAN-28: the averaged curve, the whole 2-d spectrum, the pixels
masquerade gan sample --checkpoint "$runs/dcgan28-transposed/checkpoint.json" --n 2000 --seed 1 --out "$out/runs/training-fakes.npy"
masquerade gan sample --checkpoint "$runs/dcgan28-transposed/checkpoint.json" --n 1000 --seed 2 --out "$out/runs/held-out-fakes.npy"
python3 "$here/spectrum-variants.py" "$out/runs/training-fakes.npy" "$out/runs/held-out-fakes.npy" --out "$out/spectrum-variants.json"
echo "detection-experiments.sh: results in $out"
