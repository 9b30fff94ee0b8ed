#!/usr/bin/env bash
# Reproduces the GAN figures of the README: the ring of 8 Gaussians with each loss, the
# minimax and non-saturating losses side by side on Fashion-MNIST (first 300 steps), and the
# face swap with and without its PatchGAN. The 5-epoch DCGAN run is a separate command (see
# the README): it takes about half an hour.
#
#   scripts/gan-results.sh [OUT]     (default OUT: runs/gan-results)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(realpath -m "${1:-$root/runs/gan-results}")"
m="$root/masquerade"
mkdir -p "$out"

for loss in nonsaturating minimax lsgan hinge; do
  "$m" gan train --dataset ring --loss "$loss" --out "$out/ring-$loss" --no-progress
done

for loss in minimax nonsaturating; do
  "$m" gan train --dataset fashion-mnist --loss "$loss" --limit 19200 --epochs 1 --eval-samples 2000 \
    --out "$out/fashion-300-$loss" --no-progress
done
"$m" gan compare "$out/fashion-300-minimax" "$out/fashion-300-nonsaturating" --steps 300 --out "$out/minimax-vs-nonsaturating.png"

"$m" demo --out "$out/demo-plain" --no-progress
"$m" demo --gan-weight 0.1 --out "$out/demo-gan" --no-progress

python3 - "$out" <<'PY'
import json, sys, os
out = sys.argv[1]
print("\nring of 8 Gaussians (6 epochs of 500 batches of 256)")
print(f"{'loss':<15}{'modes':>7}{'near':>8}{'seconds':>9}")
for loss in ("nonsaturating", "minimax", "lsgan", "hinge"):
    m = json.load(open(f"{out}/ring-{loss}/metrics.json"))
    print(f"{loss:<15}{m['modes_covered']:>5}/8{m['near_fraction']:>8.2f}{m['seconds']:>9.0f}")
print("\nFashion-MNIST, first 300 steps: mean |grad G| over steps 1-100 and D(G(z)) at step 100")
for loss in ("minimax", "nonsaturating"):
    steps = [json.loads(l) for l in open(f"{out}/fashion-300-{loss}/metrics.jsonl") if '"g_grad_norm"' in l]
    early = [s["g_grad_norm"] for s in steps[:100]]
    print(f"{loss:<15} {sum(early) / len(early):8.3f} {steps[99]['d_fake_before']:8.4f}")
print("\nface swap demo with and without the PatchGAN")
for run in ("demo-plain", "demo-gan"):
    m = json.load(open(f"{out}/{run}/metrics.json"))
    print(f"{run:<12} swap_ssim {m['swap_ssim']:.3f} baseline {m['baseline_ssim']:.3f} recon {m['recon_ssim_a']:.3f}/{m['recon_ssim_b']:.3f} {m['seconds']:.0f} s")
PY
