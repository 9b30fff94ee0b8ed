"""The PyTorch twin of `masquerade gan train --dataset fashion-mnist` for benchmarks/gan-parity.sh.

Trains `dcgan28` of ../shared/anchors/torch_reference.py on Fashion-MNIST the way the DCGAN
paper prescribes (non-saturating loss, Adam 2e-4 with beta1 0.5, batch 64, weights from
N(0, 0.02), batch-norm scales from N(1, 0.02), biases 0) and, after each epoch named in
--sample-epochs, writes SAMPLES generated images in [0, 1] as OUT/samples_epoch_E.npy, drawn
in evaluation mode as `masquerade gan sample` draws ours. The state after every epoch is kept
in OUT/state.pt, so a run that was stopped goes on from its last whole epoch; OUT/.lock keeps
a second process from training the same folder at once.

    gan_parity_torch.py --out DIR --seed S [--epochs 5] [--sample-epochs 1,5] [--samples 5000]
                        [--init paper|default] [--threads 2] [--anchors DIR] [--data DIR]
"""
import argparse
import fcntl
import gzip
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

BATCH = 64
NOISE = 100


def read_idx_images(path):
    """An IDX3 file of unsigned bytes (gzip as Debian ships it) -> float32 [N, 1, 28, 28] in [0, 1]."""
    with gzip.open(path, "rb") as f:
        data = f.read()
    count, rows, cols = (int.from_bytes(data[i:i + 4], "big") for i in (4, 8, 12))
    pixels = np.frombuffer(data, dtype=np.uint8, offset=16).reshape(count, 1, rows, cols)
    return torch.from_numpy(pixels.astype(np.float32) / 255.0)


def initialise_paper(module):
    """Radford et al.: conv and linear weights ~ N(0, 0.02), batch-norm scales ~ N(1, 0.02), biases 0."""
    if isinstance(module, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear)):
        nn.init.normal_(module.weight, 0.0, 0.02)
        nn.init.zeros_(module.bias)
    elif isinstance(module, nn.BatchNorm2d):
        nn.init.normal_(module.weight, 1.0, 0.02)
        nn.init.zeros_(module.bias)


def write_samples(g, count, seed, path):
    """count images of fixed noise (its own seed), evaluation mode, [0, 1], float32 .npy, written atomically."""
    g.eval()
    noise = torch.Generator().manual_seed(seed)
    parts = []
    with torch.no_grad():
        for start in range(0, count, 500):
            z = torch.randn(min(500, count - start), NOISE, generator=noise)
            parts.append((g(z) + 1) / 2)
    g.train()
    partial = path + ".partial"
    with open(partial, "wb") as f:  # a file object, so that np.save does not append ".npy"
        np.save(f, torch.cat(parts).numpy().astype(np.float32))
    os.replace(partial, path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--sample-epochs", default="1,5")
    ap.add_argument("--samples", type=int, default=5000)
    ap.add_argument("--init", choices=("paper", "default"), default="paper")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--anchors", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "anchors"))
    ap.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    args = ap.parse_args()
    sys.path.insert(0, args.anchors)
    from torch_reference import dcgan28

    torch.set_num_threads(args.threads)
    os.makedirs(args.out, exist_ok=True)
    lock = open(os.path.join(args.out, ".lock"), "w")
    try:  # two lanes of gan-parity.sh must not train one folder at once
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        sys.exit(f"{args.out} is being trained by another process; wait for it, or stop it and run this again")
    images = read_idx_images(os.path.join(args.data, "train-images-idx3-ubyte.gz")) * 2 - 1
    torch.manual_seed(args.seed)
    g, d = dcgan28()
    if args.init == "paper":
        g.apply(initialise_paper)
        d.apply(initialise_paper)
    og = torch.optim.Adam(g.parameters(), lr=2e-4, betas=(0.5, 0.999))
    od = torch.optim.Adam(d.parameters(), lr=2e-4, betas=(0.5, 0.999))
    state_file = os.path.join(args.out, "state.pt")
    done = 0
    if os.path.exists(state_file):
        state = torch.load(state_file)
        for thing, key in ((g, "g"), (d, "d"), (og, "og"), (od, "od")):
            thing.load_state_dict(state[key])
        torch.set_rng_state(state["rng"])
        done = state["epoch"]
    sample_epochs = {int(e) for e in args.sample_epochs.split(",")}
    ones, zeros = torch.ones(BATCH, 1), torch.zeros(BATCH, 1)
    steps = images.shape[0] // BATCH  # the last, short batch is dropped, as ours drops it
    for epoch in range(done + 1, args.epochs + 1):
        started = time.time()
        order = torch.randperm(images.shape[0])
        for step in range(steps):
            real = images[order[step * BATCH:(step + 1) * BATCH]]
            z = torch.randn(BATCH, NOISE)
            fake = g(z)
            od.zero_grad()
            d_loss = F.binary_cross_entropy_with_logits(d(real), ones) + \
                F.binary_cross_entropy_with_logits(d(fake.detach()), zeros)
            d_loss.backward()
            od.step()
            og.zero_grad()
            g_loss = F.binary_cross_entropy_with_logits(d(fake), ones)
            g_loss.backward()
            og.step()
            if not (torch.isfinite(d_loss) and torch.isfinite(g_loss)):
                sys.exit(f"epoch {epoch}, step {step + 1}: a loss is not finite (d {d_loss.item()}, g {g_loss.item()}); "
                         f"the last whole epoch is kept in {state_file}")
        if epoch in sample_epochs:
            write_samples(g, args.samples, 1, os.path.join(args.out, f"samples_epoch_{epoch}.npy"))
        torch.save({"g": g.state_dict(), "d": d.state_dict(), "og": og.state_dict(), "od": od.state_dict(),
                    "rng": torch.get_rng_state(), "epoch": epoch}, state_file + ".partial")
        os.replace(state_file + ".partial", state_file)
        print(f"torch seed {args.seed}: epoch {epoch} of {args.epochs} in {time.time() - started:.0f} s, "
              f"d_loss {d_loss.item():.3f}, g_loss {g_loss.item():.3f}", flush=True)


if __name__ == "__main__":
    main()
