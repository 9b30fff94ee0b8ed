#!/usr/bin/env bash
# face-api's networks on the engine (JMH's FaceNetworks) against face-api itself on TensorFlow.js's
# pure-JavaScript CPU backend (faces/reference/reference.mjs time), in alternating rounds in one
# sitting, on one photo: the detector (416) plus the landmarks of its face, per photo, and the
# descriptor of one aligned face. Prints ms per call for both and the speed-up (TF.js ms / engine
# ms), per round and the median over rounds; writes benchmarks/compare-tfjs.json.
#
#   benchmarks/compare-with-tfjs.sh [--rounds R] [--threads N] [--photo FILE]
#
# Needs node and npm (for faces/reference: npm ci), scripts/fetch-face-models.sh and
# scripts/fetch-photos.sh; installs nothing system-wide.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
rounds=3
threads=2
photo="${XDG_CACHE_HOME:-$HOME/.cache}/masquerade/photos/astronaut.png"
models="${XDG_CACHE_HOME:-$HOME/.cache}/masquerade/models/face-api-1.7.15"
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --photo) photo="$2"; shift 2 ;;
    *) echo "usage: $0 [--rounds R] [--threads N] [--photo FILE]" >&2; exit 2 ;;
  esac
done
command -v node >/dev/null && command -v npm >/dev/null || { echo "node and npm are missing: apt-get install nodejs npm (as root)" >&2; exit 1; }
[ -f "$models/tiny_face_detector_model.bin" ] || { echo "no weights in $models: run scripts/fetch-face-models.sh" >&2; exit 1; }
[ -f "$photo" ] || { echo "no photo $photo: run scripts/fetch-photos.sh" >&2; exit 1; }
reference="$root/faces/reference"
[ -d "$reference/node_modules/@vladmandic/face-api" ] || (cd "$reference" && npm ci --no-audit --no-fund >&2)
source "$here/benchmarks-jar.sh"

for round in $(seq 1 "$rounds"); do
  echo "Round $round/$rounds: engine (JMH, $threads threads) ..." >&2
  java --add-modules jdk.incubator.vector -jar "$jar" '\.FaceNetworks\.' -p photo="$photo" -jvmArgsAppend "-Dmasquerade.cpu.threads=$threads" \
    -wi 3 -w 2 -i 5 -r 2 -rf json -rff "$here/jmh-faces-$round.json" >&2
  echo "Round $round/$rounds: face-api on TF.js's CPU backend ..." >&2
  (cd "$reference" && node reference.mjs time "$models" "$photo" 10 2>/dev/null | tail -1) > "$here/tfjs-$round.json"
done

python3 - "$here" "$rounds" "$threads" <<'PY'
import json, statistics, sys, datetime, platform
folder, rounds, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
per_round = []
for r in range(1, rounds + 1):
    runs = json.load(open(f"{folder}/jmh-faces-{r}.json"))
    ms = lambda name: statistics.median(v for run in runs if run["benchmark"].endswith(name) for fork in run["primaryMetric"]["rawData"] for v in fork)
    tfjs = json.load(open(f"{folder}/tfjs-{r}.json"))
    per_round.append({"engine_detector_and_landmarks_ms": ms(".detectorAndLandmarks"), "engine_descriptor_ms": ms(".descriptor"),
                      "tfjs_detector_and_landmarks_ms": tfjs["detector_and_landmarks_ms"], "tfjs_descriptor_ms": tfjs["descriptor_ms"]})
    p = per_round[-1]
    print(f"round {r}: detector+landmarks {p['engine_detector_and_landmarks_ms']:.1f} ms vs TF.js {p['tfjs_detector_and_landmarks_ms']:.1f} ms;"
          f" descriptor {p['engine_descriptor_ms']:.1f} ms vs {p['tfjs_descriptor_ms']:.1f} ms")
med = lambda key: statistics.median(r[key] for r in per_round)
speedup = lambda what: statistics.median(r[f"tfjs_{what}_ms"] / r[f"engine_{what}_ms"] for r in per_round)
result = {"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"), "machine": platform.machine(),
          "threads": threads, "rounds": per_round,
          "speedup_detector_and_landmarks": round(speedup("detector_and_landmarks"), 2), "speedup_descriptor": round(speedup("descriptor"), 2)}
json.dump(result, open(f"{folder}/compare-tfjs.json", "w"), indent=2)
print(f"median over {rounds} rounds: detector+landmarks {med('engine_detector_and_landmarks_ms'):.1f} ms (engine) vs"
      f" {med('tfjs_detector_and_landmarks_ms'):.1f} ms (TF.js), {result['speedup_detector_and_landmarks']}x;"
      f" descriptor {med('engine_descriptor_ms'):.1f} vs {med('tfjs_descriptor_ms'):.1f} ms, {result['speedup_descriptor']}x")
PY
