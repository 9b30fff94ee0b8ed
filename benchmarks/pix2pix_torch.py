"""The PyTorch twin of the engine's Pix2PixStep benchmark, for benchmarks/compare-with-pytorch.sh.

One pix2pix training step of `masquerade translate train --task edges2fashion`, built as
translation/.../models/UNet.java and PatchDiscriminator.java build it: a batch of 16 grey 32x32
pictures; a U-Net of depth 5 and width 32 (instance normalisation without affine parameters,
transposed 4x4 convolutions, dropout 0.5 on the three levels above the bottleneck, tanh); the
conditional PatchGAN of 2 stride-2 layers and width 64; one discriminator update on
0.5 * (BCE(D(x, y), 1) + BCE(D(x, G(x).detach()), 0)), one generator update on
BCE(D(x, G(x)), 1) + 100 * L1. Adam lr 2e-4, betas (0.5, 0.999). Prints the median step time.

    python3 benchmarks/pix2pix_torch.py --threads 2 [--json FILE]
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

import step_timing


def channels(level, width):
    return width * min(2 ** level, 8)


class UNet(nn.Module):
    def __init__(self, cin=1, cout=1, depth=5, width=32, dropout=0.5):
        super().__init__()
        self.down = nn.ModuleList()
        for level in range(depth):
            cin_level = cin if level == 0 else channels(level - 1, width)
            conv = nn.Conv2d(cin_level, channels(level, width), 4, 2, 1)
            if level == 0:
                self.down.append(conv)
            elif level == depth - 1:
                self.down.append(nn.Sequential(nn.LeakyReLU(0.2), conv))
            else:
                self.down.append(nn.Sequential(nn.LeakyReLU(0.2), conv, nn.InstanceNorm2d(channels(level, width))))
        self.up = nn.ModuleList([None] * depth)
        for level in range(depth - 1, -1, -1):
            cin_level = channels(level, width) if level == depth - 1 else 2 * channels(level, width)
            cout_level = cout if level == 0 else channels(level - 1, width)
            block = [nn.ReLU(), nn.ConvTranspose2d(cin_level, cout_level, 4, 2, 1)]
            if level == 0:
                block.append(nn.Tanh())
            else:
                block.append(nn.InstanceNorm2d(cout_level))
                if dropout > 0 and depth - 4 <= level < depth - 1:
                    block.append(nn.Dropout(dropout))
            self.up[level] = nn.Sequential(*block)
        self.depth = depth

    def forward(self, x):
        skips = []
        for layer in self.down:
            x = layer(x)
            skips.append(x)
        h = self.up[self.depth - 1](x)
        for level in range(self.depth - 2, -1, -1):
            h = self.up[level](torch.cat([skips[level], h], 1))
        return h


def patch_discriminator(cin=2, width=64, layers=2):
    stack = [nn.Conv2d(cin, width, 4, 2, 1), nn.LeakyReLU(0.2)]
    c = width
    for layer in range(1, layers + 1):
        out = width * min(2 ** layer, 8)
        stack += [nn.Conv2d(c, out, 4, 2 if layer < layers else 1, 1), nn.InstanceNorm2d(out), nn.LeakyReLU(0.2)]
        c = out
    stack.append(nn.Conv2d(c, 1, 4, 1, 1))
    return nn.Sequential(*stack)


def main():
    args = step_timing.arguments()
    g, d = UNet(), patch_discriminator()
    for m in list(g.modules()) + list(d.modules()):
        if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d)):
            nn.init.normal_(m.weight, 0, 0.02)
            nn.init.zeros_(m.bias)
    og = torch.optim.Adam(g.parameters(), lr=2e-4, betas=(0.5, 0.999))
    od = torch.optim.Adam(d.parameters(), lr=2e-4, betas=(0.5, 0.999))
    x, y = torch.rand(16, 1, 32, 32) * 2 - 1, torch.rand(16, 1, 32, 32) * 2 - 1

    def step():
        fake = g(x)
        od.zero_grad()
        real_scores, fake_scores = d(torch.cat([x, y], 1)), d(torch.cat([x, fake.detach()], 1))
        ld = 0.5 * (F.binary_cross_entropy_with_logits(real_scores, torch.ones_like(real_scores))
                    + F.binary_cross_entropy_with_logits(fake_scores, torch.zeros_like(fake_scores)))
        ld.backward()
        od.step()
        og.zero_grad()
        scores = d(torch.cat([x, fake], 1))
        lg = F.binary_cross_entropy_with_logits(scores, torch.ones_like(scores)) + 100 * F.l1_loss(fake, y)
        lg.backward()
        og.step()

    step_timing.report("pix2pix", step, sum(p.numel() for p in g.parameters()) + sum(p.numel() for p in d.parameters()), args)


if __name__ == "__main__":
    main()
