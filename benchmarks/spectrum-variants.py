#!/usr/bin/env python3
"""Is the spectral detector's miss on a trained DCGAN-28 the feature's fault, or the spectrum's?

    benchmarks/spectrum-variants.py TRAINING_FAKES.npy HELD_OUT_FAKES.npy [--fashion DIR] [--out FILE.json]

The .npy files are samples of one 'masquerade gan train' run ('masquerade gan sample --n 2000
--seed 1 --out TRAINING_FAKES.npy', and --seed 2 for the held-out ones). Fits the same logistic
regression as 'detect train --method spectrum' (standardised features, Adam, 1,000 full-batch
steps at 0.05, L2 weight 0.001) on 2,000 real Fashion-MNIST training pictures and 2,000 fakes,
and judges it on 1,000 test pictures and 1,000 held-out fakes, with three features:

  radial   Durall et al.'s curve: the log power spectrum averaged over each ring, 32 points
           (what the engine's detector uses; numpy's FFT here, as a cross-check);
  2-d      the whole centred log power spectrum, 784 numbers: nothing averaged away;
  pixels   the 784 grey values themselves: no spectrum at all.

Fakes are rounded to 8 bits and held in float64 like the real pictures: a detector learns any
difference, even the precision the numbers are stored in. numpy only (Debian's python3-numpy).
"""
import argparse
import gzip
import json
import time

import numpy as np

SIDE = 28


def real_pictures(folder, split, count):
    name = "train-images-idx3-ubyte.gz" if split == "training" else "t10k-images-idx3-ubyte.gz"
    with gzip.open(f"{folder}/{name}") as f:
        raw = np.frombuffer(f.read(), np.uint8, offset=16)
    return raw.reshape(-1, SIDE, SIDE)[:count].astype(np.float64) / 255


def fake_pictures(path, count):
    samples = np.load(path).astype(np.float64).reshape(-1, SIDE, SIDE)[:count]
    return np.round(samples * 255) / 255


def log_power(pictures):
    spectrum = np.fft.fftshift(np.fft.fft2(pictures), axes=(-2, -1))
    return 10 * np.log10(np.abs(spectrum) ** 2 + 1e-10)


def radial(pictures, points=32):
    y, x = np.mgrid[:SIDE, :SIDE]
    ring = np.round(np.hypot(y - SIDE // 2, x - SIDE // 2)).astype(int)
    power = log_power(pictures)
    curve = np.stack([power[:, ring == r].mean(axis=1) for r in range(ring.max() + 1)], axis=1)
    at = np.linspace(0, curve.shape[1] - 1, points)
    return np.stack([np.interp(at, np.arange(curve.shape[1]), c) for c in curve])


FEATURES = {
    "radial": radial,
    "2-d": lambda p: log_power(p).reshape(len(p), -1),
    "pixels": lambda p: p.reshape(len(p), -1),
}


def logistic_regression(x, y, steps=1000, rate=0.05, l2=1e-3):
    w = np.zeros(x.shape[1] + 1)
    xb = np.hstack([x, np.ones((len(x), 1))])
    m, v = np.zeros_like(w), np.zeros_like(w)
    for t in range(1, steps + 1):
        p = 1 / (1 + np.exp(-(xb @ w)))
        g = xb.T @ (p - y) / len(y)
        g[:-1] += 2 * l2 * w[:-1]
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w -= rate * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return w


def auc(real_scores, fake_scores):
    """P(a fake scores above a real one), ties counting half."""
    above = (fake_scores[:, None] > real_scores[None, :]).mean()
    tied = (fake_scores[:, None] == real_scores[None, :]).mean()
    return float(above + tied / 2)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("training_fakes")
    parser.add_argument("held_out_fakes")
    parser.add_argument("--fashion", default="/usr/share/datasets/fashion-mnist")
    parser.add_argument("--out")
    args = parser.parse_args()
    train_real, test_real = real_pictures(args.fashion, "training", 2000), real_pictures(args.fashion, "test", 1000)
    train_fake, test_fake = fake_pictures(args.training_fakes, 2000), fake_pictures(args.held_out_fakes, 1000)
    labels = np.r_[np.zeros(len(train_real)), np.ones(len(train_fake))]
    results = []
    for name, feature in FEATURES.items():
        start = time.perf_counter()
        x = np.vstack([feature(train_real), feature(train_fake)])
        mean, std = x.mean(axis=0), x.std(axis=0) + 1e-8
        w = logistic_regression((x - mean) / std, labels)
        score = lambda p: np.hstack([(feature(p) - mean) / std, np.ones((len(p), 1))]) @ w
        results.append({"feature": name, "features": x.shape[1], "auc": auc(score(test_real), score(test_fake)),
                        "seconds": time.perf_counter() - start})
        print(f"{name:7s} {x.shape[1]:4d} features  AUC {results[-1]['auc']:.3f}", flush=True)
    report = {"training_real": len(train_real), "training_fake": len(train_fake), "held_out_real": len(test_real),
              "held_out_fake": len(test_fake), "results": results}
    if args.out:
        with open(args.out, "w") as f:
            json.dump(report, f, indent=2)


if __name__ == "__main__":
    main()
