#!/usr/bin/env bash
# Fetches the pictures of the image-to-image translation tasks from Debian packages:
#   day2night/         gnome-backgrounds' WebP wallpapers, each light (NAME-l.webp) and dark
#                      (NAME-d.webp): aligned day/night pairs (its SVG pairs are left out)
#   superres/train/    sample photos of scikit-image (python3-skimage) and OpenCV (opencv-doc)
#   superres/held-out/ three more, never trained on: coffee.png, fruits.jpg, building.jpg
# The packages are downloaded and unpacked here with apt-get download and dpkg -x; nothing is
# installed. About 150 MB is downloaded; 40 MB is kept.
#
#   scripts/fetch-translation-pictures.sh [OUT]     (default OUT: ~/.cache/masquerade/translation)
set -euo pipefail
out="$(realpath -m "${1:-${XDG_CACHE_HOME:-$HOME/.cache}/masquerade/translation}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
packages=(gnome-backgrounds python3-skimage opencv-doc)
if ! apt-get download "${packages[@]}" >/dev/null 2>&1; then
  echo "apt-get download ${packages[*]} failed: run 'apt-get update' (as root) and try again" >&2
  exit 1
fi
for p in "${packages[@]}"; do
  dpkg -x "${p}"_*.deb "$p"
done
train=(astronaut.png chelsea.png rocket.jpg motorcycle_left.png # scikit-image's
       baboon.jpg home.jpg orange.jpg messi5.jpg board.jpg squirrel_cls.jpg butterfly.jpg apple.jpg) # OpenCV's
held_out=(coffee.png fruits.jpg building.jpg)
find_one() { # the first unpacked file called $1, or an error
  local f
  f="$(find python3-skimage opencv-doc -name "$1" -print -quit)"
  [ -n "$f" ] || { echo "$1 is missing from python3-skimage and opencv-doc" >&2; exit 1; }
  echo "$f"
}
mkdir -p "$out/day2night" "$out/superres/train" "$out/superres/held-out"
pairs=0
for light in $(find gnome-backgrounds -name '*-l.webp' | sort); do
  dark="${light%-l.webp}-d.webp"
  [ -f "$dark" ] || continue
  cp "$light" "$dark" "$out/day2night/"
  pairs=$((pairs + 1))
done
[ "$pairs" -gt 1 ] || { echo "gnome-backgrounds holds no light/dark WebP pairs (NAME-l.webp, NAME-d.webp)" >&2; exit 1; }
for f in "${train[@]}"; do cp "$(find_one "$f")" "$out/superres/train/"; done
for f in "${held_out[@]}"; do cp "$(find_one "$f")" "$out/superres/held-out/"; done
echo "pictures in $out: $pairs day/night pairs, ${#train[@]} photos to train super-resolution on, ${#held_out[@]} held out"
