#!/usr/bin/env bash
# Fetches two public-domain photos of real faces from Debian packages, for the face networks'
# tests and for trying `masquerade faces`:
#   astronaut.png             the astronaut Eileen Collins (python3-skimage's data)
#   grace_hopper_512x512.jpg  Grace Hopper (facedetect's examples)
# The packages are downloaded and unpacked here with apt-get download and dpkg -x; nothing is
# installed. Also copies scikit-image's lfw_subset.npy (100 real faces, 25x25).
#
#   scripts/fetch-photos.sh [OUT]     (default OUT: ~/.cache/masquerade/photos)
set -euo pipefail
out="$(realpath -m "${1:-${XDG_CACHE_HOME:-$HOME/.cache}/masquerade/photos}")"
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
  [ -n "$f" ] || { echo "a photo is missing from the packages (astronaut.png, grace_hopper_512x512.jpg or lfw_subset.npy)" >&2; exit 1; }
done
mkdir -p "$out"
cp "$astronaut" "$hopper" "$lfw" "$out/"
echo "photos in $out"
