#!/usr/bin/env bash
# Builds the voice swap's corpus: short English sentences spoken by each of the four voices
# that Debian's flite ships (awb, rms, slt: 16 kHz; kal16: 16 kHz), every sentence by every
# voice, so the true target of every conversion exists. Sentences are the one-line sayings of
# Debian's fortunes-min (20 to 70 characters, letters and plain punctuation), in file order; the
# first TRAIN are for training, the next HELD for held-out measurement.
# flite and fortunes-min are downloaded and unpacked here with apt-get download and dpkg -x;
# nothing is installed, and flite stays in OUT/flite for rendering more.
#
#   scripts/fetch-voices.sh [OUT] [TRAIN] [HELD]   (defaults: ~/.cache/masquerade/voices, 100, 20)
#
# Writes OUT/sentences.tsv (id, split, text) and OUT/VOICE/ID.wav (16-bit PCM, mono, 16 kHz).
set -euo pipefail
out="$(realpath -m "${1:-${XDG_CACHE_HOME:-$HOME/.cache}/masquerade/voices}")"
train="${2:-100}"
held="${3:-20}"
voices=(awb rms slt kal16)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
if ! apt-get download flite libflite1 fortunes-min >/dev/null 2>&1; then
  echo "apt-get download flite libflite1 fortunes-min failed: run 'apt-get update' (as root) and try again" >&2
  exit 1
fi
mkdir -p "$out/flite"
for deb in flite_*.deb libflite1_*.deb; do dpkg -x "$deb" "$out/flite"; done
dpkg -x fortunes-min_*.deb fortunes
flite=("$out/flite/usr/bin/flite")
export LD_LIBRARY_PATH="$(dirname "$(find "$out/flite" -name 'libflite.so.1' | head -1)")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
if ! "${flite[@]}" -lv >/dev/null 2>&1; then
  echo "the unpacked flite does not run on this machine (see $out/flite); install it with apt-get install flite" >&2
  exit 1
fi
# one-line entries between the % separators, plain enough to say
awk -v want=$((train + held)) 'BEGIN { RS = "%\n" }
  { sub(/\n$/, "") }
  $0 !~ /\n/ && length($0) >= 20 && length($0) <= 70 && $0 ~ /^[A-Za-z ,.;:!?'"'"'-]+$/ && n < want { print; n++ }' \
  "$(find fortunes -name fortunes -type f | head -1)" > sayings.txt
count="$(wc -l < sayings.txt)"
if [ "$count" -lt $((train + held)) ]; then
  echo "fortunes-min has only $count plain one-line sayings; ask for fewer than $train + $held" >&2
  exit 1
fi
: > "$out/sentences.tsv.new"
i=0
while IFS= read -r text; do
  id="$(printf 's%03d' "$i")"
  split=train
  [ "$i" -ge "$train" ] && split=held
  printf '%s\t%s\t%s\n' "$id" "$split" "$text" >> "$out/sentences.tsv.new"
  for voice in "${voices[@]}"; do
    mkdir -p "$out/$voice"
    "${flite[@]}" -voice "$voice" -t "$text" -o "$out/$voice/$id.wav"
  done
  i=$((i + 1))
done < sayings.txt
mv "$out/sentences.tsv.new" "$out/sentences.tsv"
echo "voices in $out: ${#voices[@]} voices (${voices[*]}) x $count sentences ($train training, $held held out)"
