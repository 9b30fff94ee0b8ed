#!/usr/bin/env bash
# Fetches a short video with a (computer-drawn) face from a Debian package, for trying the face
# networks on video frames: OpenCV's sample Megamind.avi (opencv-doc's examples), and, with
# ffmpeg, two frames a second of it as PNGs. The package is downloaded and unpacked here with
# apt-get download and dpkg -x (about 95 MB); nothing is installed.
#
#   scripts/fetch-video.sh [OUT]     (default OUT: ~/.cache/masquerade/video)
#   -> OUT/Megamind.avi and OUT/megamind-frames/megamind-NNN.png
set -euo pipefail
out="$(realpath -m "${1:-${XDG_CACHE_HOME:-$HOME/.cache}/masquerade/video}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
if ! apt-get download opencv-doc >/dev/null 2>&1; then
  echo "apt-get download opencv-doc failed: run 'apt-get update' (as root) and try again" >&2
  exit 1
fi
dpkg -x opencv-doc_*.deb opencv
video="$(find opencv -name Megamind.avi | head -1)"
[ -n "$video" ] || { echo "opencv-doc has no Megamind.avi" >&2; exit 1; }
mkdir -p "$out"
cp "$video" "$out/Megamind.avi"
if ! command -v ffmpeg >/dev/null; then
  echo "$out/Megamind.avi fetched; its frames need ffmpeg: apt-get install ffmpeg (as root), then run $0 again" >&2
  exit 1
fi
rm -rf "$out/megamind-frames" && mkdir -p "$out/megamind-frames"
ffmpeg -loglevel error -i "$out/Megamind.avi" -vf fps=2 "$out/megamind-frames/megamind-%03d.png"
echo "Megamind.avi and $(ls "$out/megamind-frames" | wc -l) frames (2 a second) in $out"
