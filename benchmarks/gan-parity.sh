#!/usr/bin/env bash
# Our DCGAN-28 against its PyTorch twin, scored by one judge (issue 29).
#
#   benchmarks/gan-parity.sh [--out DIR] [--seeds "1 2 3"] [--epochs 5] [--samples 5000]
#                            [--init paper|default] [--torch-init paper|default]
#                            [--side both|ours|torch|none] [--threads 2] [--anchors DIR]
#
# For every seed, trains `masquerade gan train --dataset fashion-mnist` (non-saturating loss,
# Adam 2e-4 with beta1 0.5, batch 64) and benchmarks/gan_parity_torch.py (the same recipe on
# ../shared/anchors/torch_reference.py's dcgan28), draws --samples images from each after
# epoch 1 and after the last epoch (evaluation mode, noise of seed 1), and scores every sample
# file with `masquerade gan score`: the Fréchet distance of the Fashion-MNIST judge's features
# to the test set's, and the classes covered. Ours trains epoch 1, is sampled, then resumes
# to the last epoch, which draws its later batches from a fresh stream (as every resumed run
# does), so its epochs 2-5 differ from one uninterrupted run's but are the same recipe.
#
# Every finished piece is kept in DIR (default benchmarks/results/gan-parity): run the script
# again and it goes on where it stopped. On a machine with few cores the two sides can train
# at once, each on its own cores: one run with --side torch --threads 1, one with --side ours
# --threads 1 (each scores what has been finished when it ends); --side none only scores.
# DIR/scores.tsv holds one line per sample file, and the summary (mean and spread over the
# seeds) is printed at the end and written to DIR/summary.md. Installs nothing: without PyTorch it says what to install and stops.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$root/benchmarks/results/gan-parity"
seeds="1 2 3"
epochs=5
samples=5000
init=paper
torch_init=paper
anchors="$root/../shared/anchors"
side=both
threads=2
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --seeds) seeds="$2"; shift 2 ;;
    --epochs) epochs="$2"; shift 2 ;;
    --samples) samples="$2"; shift 2 ;;
    --init) init="$2"; shift 2 ;;
    --torch-init) torch_init="$2"; shift 2 ;;
    --anchors) anchors="$2"; shift 2 ;;
    --side) side="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    *) echo "usage: $0 [--out DIR] [--seeds \"1 2 3\"] [--epochs E] [--samples N] [--init paper|default] [--torch-init paper|default]" \
            "[--side both|ours|torch|none] [--threads T] [--anchors DIR]" >&2
       exit 2 ;;
  esac
done

python=/usr/bin/python3
if ! "$python" -c 'import torch, numpy' 2>/dev/null; then
  echo "PyTorch is missing. Install it (as root) with: apt-get install -y python3-torch python3-numpy" >&2
  exit 1
fi
if [ ! -f "$anchors/torch_reference.py" ]; then
  echo "No torch_reference.py in $anchors: pass --anchors DIR (the folder of ../shared/anchors)." >&2
  exit 1
fi
jar="${MASQUERADE_JAR:-$root/cli/target/masquerade.jar}"  # MASQUERADE_JAR: a copy, so that rebuilding meanwhile is safe
if [ ! -f "$jar" ]; then
  echo "Build the CLI first: mvn -B -q package -DskipTests" >&2
  exit 1
fi
masquerade() { java -Dmasquerade.cpu.threads="$threads" --add-modules jdk.incubator.vector -jar "$jar" "$@" 2>&1 | sed '/incubator/d'; }

mkdir -p "$out"
# Epoch 1 of every seed first, so that the 1-epoch comparison is whole early; then the rest.
for target in 1 "$epochs"; do
  for seed in $seeds; do
    theirs="$out/torch-$torch_init-seed$seed"
    if [[ "$side" =~ ^(both|torch)$ ]] && [ ! -f "$theirs/samples_epoch_$target.npy" ]; then
      echo "== PyTorch, --init $torch_init, seed $seed: to epoch $target"
      "$python" "$here/gan_parity_torch.py" --out "$theirs" --seed "$seed" --epochs "$target" --sample-epochs "1,$epochs" \
        --samples "$samples" --init "$torch_init" --anchors "$anchors" --threads "$threads"
    fi
    ours="$out/ours-$init-seed$seed"
    if [[ "$side" =~ ^(both|ours)$ ]] && [ ! -f "$ours/samples_epoch_$target.npy" ]; then
      echo "== Masquerade, --init $init, seed $seed: to epoch $target"
      if [ "$target" = 1 ]; then
        rm -rf "$ours"
        masquerade gan train --dataset fashion-mnist --epochs 1 --init "$init" --seed "$seed" --no-progress --out "$ours"
      else
        masquerade gan train --dataset fashion-mnist --epochs "$target" --init "$init" --seed "$seed" --no-progress --out "$ours" --resume
      fi
      masquerade gan sample --checkpoint "$ours/checkpoint.json" --n "$samples" --seed 1 --out "$ours/samples_epoch_$target.npy"
    fi
  done
done

# One line per sample file: side, init, seed, epoch, fd, coverage; scored once and kept.
scores="$out/scores.tsv"
touch "$scores"
for file in "$out"/*-seed*/samples_epoch_*.npy; do
  run="$(basename "$(dirname "$file")")"
  epoch="$(basename "$file" .npy)"; epoch="${epoch#samples_epoch_}"
  run_side="${run%%-*}"; rest="${run#*-}"; run_init="${rest%%-*}"; seed="${rest##*seed}"
  if ! grep -q "^$run_side	$run_init	$seed	$epoch	" "$scores"; then
    verdict="$(masquerade gan score --samples "$file" | grep 'samples: fd')"
    fd="$(sed -E 's/.*fd ([0-9.]+),.*/\1/' <<<"$verdict")"
    coverage="$(sed -E 's/.*coverage ([0-9]+) of 10.*/\1/' <<<"$verdict")"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$run_side" "$run_init" "$seed" "$epoch" "$fd" "$coverage" >>"$scores"
    echo "$run, epoch $epoch: $verdict"
  fi
done

"$python" - "$scores" "$out/summary.md" <<'EOF'
import statistics, sys
rows = [line.split("\t") for line in open(sys.argv[1]).read().splitlines() if line]
groups = {}
for side, init, seed, epoch, fd, coverage in rows:
    groups.setdefault((int(epoch), side, init), []).append((int(seed), float(fd), int(coverage)))
lines = ["| epoch | side | init | seeds | fd per seed | fd mean ± sd | coverage per seed |", "|---:|---|---|---:|---|---:|---|"]
for (epoch, side, init), runs in sorted(groups.items()):
    runs.sort()
    fds = [fd for _, fd, _ in runs]
    spread = statistics.stdev(fds) if len(fds) > 1 else 0.0
    lines.append(f"| {epoch} | {side} | {init} | {len(runs)} | {', '.join(f'{fd:.1f}' for fd in fds)} | "
                 f"{statistics.mean(fds):.1f} ± {spread:.1f} | {', '.join(str(c) for _, _, c in runs)} |")
mean_fd = {key: statistics.mean(fd for _, fd, _ in runs) for key, runs in groups.items()}
lines.append("")
for (epoch, side, init), ours in sorted(mean_fd.items()):
    for (their_epoch, their_side, their_init), theirs in sorted(mean_fd.items()):
        if side == "ours" and their_side == "torch" and their_epoch == epoch:
            lines.append(f"epoch {epoch}: ours ({init}) / PyTorch ({their_init}) = {ours / theirs:.2f} (fd means over the seeds)  ")
text = "\n".join(lines) + "\n"
open(sys.argv[2], "w").write(text)
print(text)
EOF
