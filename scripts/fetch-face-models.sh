#!/usr/bin/env bash
# Fetches face-api's pre-trained weights from npm: the model/ files of @vladmandic/face-api
# 1.7.15 (MIT) for tiny_face_detector, face_landmark_68 and face_recognition (TF.js manifests
# and shards), with the package's LICENSE beside them. The package is only unpacked, nothing is
# installed, and the weights are not committed.
#
#   scripts/fetch-face-models.sh [OUT]   (default OUT: ~/.cache/masquerade/models/face-api-1.7.15)
set -euo pipefail
version=1.7.15
out="$(realpath -m "${1:-${XDG_CACHE_HOME:-$HOME/.cache}/masquerade/models/face-api-$version}")"
if ! command -v npm >/dev/null; then
  echo "npm is not installed: apt-get install npm (as root), then run $0 again" >&2
  exit 1
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if ! (cd "$work" && npm pack --silent "@vladmandic/face-api@$version" >/dev/null); then
  echo "npm pack @vladmandic/face-api@$version failed: is registry.npmjs.org reachable?" >&2
  exit 1
fi
tar xzf "$work/vladmandic-face-api-$version.tgz" -C "$work"
mkdir -p "$out"
for net in tiny_face_detector face_landmark_68 face_recognition; do
  cp "$work/package/model/${net}_model.bin" "$work/package/model/${net}_model-weights_manifest.json" "$out/"
done
cp "$work/package/LICENSE" "$out/LICENSE"
echo "face-api $version weights in $out"
