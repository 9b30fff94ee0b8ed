#!/usr/bin/env bash
# Fetches two public-domain portraits from Debian packages and crops their faces, for the
# one-image-per-identity face swap of the README:
#   A: the astronaut Eileen Collins (astronaut.png, in python3-skimage's data)
#   B: Grace Hopper (grace_hopper_512x512.jpg, in facedetect's examples)
# The packages are downloaded and unpacked here with apt-get download and dpkg -x; nothing
# is installed. Also copies scikit-image's lfw_subset.npy (100 real faces, 25x25).
#
#   scripts/fetch-portraits.sh [OUT]     (default OUT: data/portraits)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(realpath -m "${1:-$root/data/portraits}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
if ! apt-get download python3-skimage facedetect >/dev/null 2>&1; then
  echo "apt-get download python3-skimage facedetect failed: run 'apt-get update' (as root) and try again" >&2
  exit 1
fi
dpkg -x python3-skimage_*.deb skimage
dpkg -x facedetect_*.deb facedetect
astronaut="$(find skimage -name astronaut.png | head -1)"
hopper="$(find facedetect -name 'grace_hopper_512x512.jpg' | head -1)"
lfw="$(find skimage -name lfw_subset.npy | head -1)"
for f in "$astronaut" "$hopper" "$lfw"; do
  [ -n "$f" ] || { echo "a portrait is missing from the packages (astronaut.png, grace_hopper_512x512.jpg or lfw_subset.npy)" >&2; exit 1; }
done
mkdir -p "$out/a" "$out/b"
cp "$astronaut" "$hopper" "$lfw" "$out/"
# Boxes (left, top, side) around each face, chosen by eye on the 512x512 originals.
"$root/masquerade" faceswap crop --image "$out/astronaut.png" --box 153,45,150 --out "$out/a/collins.png"
"$root/masquerade" faceswap crop --image "$out/grace_hopper_512x512.jpg" --box 160,105,210 --out "$out/b/hopper.png"
echo "faces in $out/a and $out/b; lfw_subset.npy in $out"
