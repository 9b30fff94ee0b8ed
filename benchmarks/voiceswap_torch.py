"""The PyTorch twin of the engine's VoiceSwapStep benchmark, for benchmarks/compare-with-pytorch.sh.

One training step of `masquerade voice train` at its defaults, built as
voice/.../model/VoiceSwapModel.java builds it: 16 crops of 64 log-mel frames (64 bands) per
speaker; a shared encoder of 1-D convolutions (64 -> 128, kernel 5; 128 -> 128, kernel 5,
stride 2; 128 -> 128, kernel 5; 128 -> 2, kernel 1; leaky ReLU 0.2 between) and one decoder per
speaker (2 -> 128, kernel 5; each frame repeated twice; 128 -> 128 twice and 128 -> 64, kernel 5);
L1 of each speaker through their own decoder, summed; backward; Adam lr 1e-3, betas
(0.9, 0.999). Prints the median step time.

    python3 benchmarks/voiceswap_torch.py --threads 2 [--json FILE]
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

import step_timing

MELS, WIDTH, CODE, BATCH, FRAMES = 64, 128, 2, 16, 64


class RepeatFrames(nn.Module):
    def forward(self, x):
        return x.repeat_interleave(2, dim=2)


def encoder():
    return nn.Sequential(nn.Conv1d(MELS, WIDTH, 5, 1, 2), nn.LeakyReLU(0.2), nn.Conv1d(WIDTH, WIDTH, 5, 2, 2), nn.LeakyReLU(0.2),
                         nn.Conv1d(WIDTH, WIDTH, 5, 1, 2), nn.LeakyReLU(0.2), nn.Conv1d(WIDTH, CODE, 1))


def decoder():
    return nn.Sequential(nn.Conv1d(CODE, WIDTH, 5, 1, 2), nn.LeakyReLU(0.2), RepeatFrames(), nn.Conv1d(WIDTH, WIDTH, 5, 1, 2), nn.LeakyReLU(0.2),
                         nn.Conv1d(WIDTH, WIDTH, 5, 1, 2), nn.LeakyReLU(0.2), nn.Conv1d(WIDTH, MELS, 5, 1, 2))


def main():
    args = step_timing.arguments()
    shared, decoder_a, decoder_b = encoder(), decoder(), decoder()
    parameters = list(shared.parameters()) + list(decoder_a.parameters()) + list(decoder_b.parameters())
    adam = torch.optim.Adam(parameters, lr=1e-3, betas=(0.9, 0.999))
    a, b = torch.randn(BATCH, MELS, FRAMES), torch.randn(BATCH, MELS, FRAMES)

    def step():
        adam.zero_grad()
        loss = F.l1_loss(decoder_a(shared(a)), a) + F.l1_loss(decoder_b(shared(b)), b)
        loss.backward()
        adam.step()

    step_timing.report("voiceswap", step, sum(p.numel() for p in parameters), args)


if __name__ == "__main__":
    main()
