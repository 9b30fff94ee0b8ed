#!/usr/bin/env bash
# The whole deepfake workflow on a real video, end to end, with each stage timed: OpenCV's
# sample clip Megamind.avi (Debian's opencv-doc; CGI, 270 frames at 720x528) in, an MP4 with one
# character's face swapped for the other's out.
#
#   scripts/megamind-swap.sh [OUT] [STEPS]      (default OUT: runs/megamind, STEPS: 600)
#
# 1. extract every face of every frame (face-api's detector, 68 landmarks, descriptor; aligned
#    128-pixel crops with their masks);
# 2. sort them into identities by descriptor (--threshold 0.45: these drawn faces lie closer
#    together than real ones, and face-api's 0.6 merges the two characters);
# 3. train a 64-pixel face swap on the two largest identities (A: identity_1, B: identity_2);
# 4. convert: every face of A in the clip becomes B, blended back seamlessly, to OUT/swapped.mp4.
# OUT/timings.txt lists the seconds of each stage.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(realpath -m "${1:-runs/megamind}")"
steps="${2:-600}"
video="${XDG_CACHE_HOME:-$HOME/.cache}/masquerade/video/Megamind.avi"
[ -f "$video" ] || "$root/scripts/fetch-video.sh"
if [ -e "$out" ]; then
  echo "$out exists; give the script a new folder (nothing is overwritten)" >&2
  exit 1
fi
mkdir -p "$out"
timed() { # timed NAME COMMAND...: runs the command, appends "NAME SECONDS" to timings.txt
  local name="$1" start
  shift
  start=$(date +%s)
  "$@"
  echo "$name $(( $(date +%s) - start ))" | tee -a "$out/timings.txt"
}
timed extract "$root/masquerade" faceswap extract --input "$video" --out "$out/faces" --size 128
timed sort "$root/masquerade" faceswap sort "$out/faces" --by identity --threshold 0.45 --out "$out/people"
timed train "$root/masquerade" faceswap train --a "$out/people/identity_1" --b "$out/people/identity_2" --size 64 --steps "$steps" \
  --lr 1e-4 --masked-loss --no-progress --out "$out/run"
timed convert "$root/masquerade" faceswap convert --checkpoint "$out/run/checkpoint.json" --input "$video" \
  --alignments "$out/people/identity_1/alignments.json" --blend seamless --out "$out/swapped.mp4"
echo "wrote $out/swapped.mp4; stage times (s) in $out/timings.txt"
