#!/usr/bin/env bash
# Fetches two public-domain portraits from Debian packages and crops their faces, for the
# one-image-per-identity face swap of the README:
#   A: the astronaut Eileen Collins (astronaut.png, in python3-skimage's data)
#   B: Grace Hopper (grace_hopper_512x512.jpg, in facedetect's examples)
# The photos come from Debian packages through scripts/fetch-photos.sh (which also copies
# scikit-image's lfw_subset.npy, 100 real faces, 25x25).
#
#   scripts/fetch-portraits.sh [OUT]     (default OUT: data/portraits)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(realpath -m "${1:-$root/data/portraits}")"
"$root/scripts/fetch-photos.sh" "$out" >/dev/null
mkdir -p "$out/a" "$out/b"
# Boxes (left, top, side) around each face, chosen by eye on the 512x512 originals.
"$root/masquerade" faceswap crop --image "$out/astronaut.png" --box 153,45,150 --out "$out/a/collins.png"
"$root/masquerade" faceswap crop --image "$out/grace_hopper_512x512.jpg" --box 160,105,210 --out "$out/b/hopper.png"
echo "faces in $out/a and $out/b; lfw_subset.npy in $out"
