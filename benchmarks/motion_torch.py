"""The PyTorch twin of the engine's MotionStep benchmark, for benchmarks/compare-with-pytorch.sh.

One training step of `masquerade motion train --synthetic`, built as motion/.../model/*.java
build it: 8 pairs of 64x64 frames (random pictures here: the step's cost does not depend on what
they show); a keypoint detector (the frame average-pooled to 32x32, an hourglass of 3 levels
from 32 channels up to 256, 7x7 heatmaps of 10 keypoints at temperature 0.1 with soft-argmax,
7x7 Jacobian maps); first-order sparse motions; a dense motion network at 16x16 (Gaussian
bumps of variance 0.01, the source warped by each motion, an hourglass, softmax masks and a
sigmoid occlusion map); a generator (7x7 conv, two halvings to 128 channels, 3 residual blocks,
two doublings, a 7x7 conv over the decoded features beside the moved source, sigmoid) whose
prediction blends the source moved at full size and the painted frame by the occlusion map;
the four-scale L1; the equivariance losses under a random thin-plate spline (affine sigma 0.05,
spline sigma 0.005 on 5x5 control points, U = r^2 log(r^2 + 1e-6) / 2, Jacobian written out),
weighted 10; backward; Adam lr 5e-4, betas (0.5, 0.999). grid_sample and interpolate with
align_corners=False, as the engine's. Prints the median step time.

    python3 benchmarks/motion_torch.py --threads 2 [--json FILE]
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

import step_timing

K, SIZE, BATCH = 10, 64, 8


def grid(h, w):
    ys = (2 * torch.arange(h) + 1) / h - 1
    xs = (2 * torch.arange(w) + 1) / w - 1
    return torch.stack(torch.meshgrid(xs, ys, indexing="xy"), -1)  # [h, w, 2], (x, y)


class Hourglass(nn.Module):
    def __init__(self, cin, expansion=32, blocks=3, max_channels=256):
        super().__init__()
        ch = lambda level: min(max_channels, expansion << level)
        self.down = nn.ModuleList([nn.Sequential(nn.Conv2d(cin if i == 0 else ch(i), ch(i + 1), 3, 1, 1), nn.BatchNorm2d(ch(i + 1)),
                                                 nn.ReLU(), nn.AvgPool2d(2)) for i in range(blocks)])
        self.up = nn.ModuleList([nn.Sequential(nn.Upsample(scale_factor=2), nn.Conv2d((1 if i == blocks - 1 else 2) * ch(i + 1), ch(i), 3, 1, 1),
                                               nn.BatchNorm2d(ch(i)), nn.ReLU()) for i in reversed(range(blocks))])
        self.out_channels = expansion + cin

    def forward(self, x):
        levels = [x]
        for layer in self.down:
            levels.append(layer(levels[-1]))
        h = levels.pop()
        for layer in self.up:
            h = torch.cat([layer(h), levels.pop()], 1)
        return h


class KeypointDetector(nn.Module):
    def __init__(self):
        super().__init__()
        self.hourglass = Hourglass(3)
        self.heatmaps = nn.Conv2d(self.hourglass.out_channels, K, 7, 1, 3)
        self.jacobians = nn.Conv2d(self.hourglass.out_channels, 4 * K, 7, 1, 3)
        nn.init.zeros_(self.jacobians.weight)
        self.jacobians.bias.data = torch.tensor([1.0, 0, 0, 1] * K)

    def forward(self, frames):
        features = self.hourglass(F.avg_pool2d(frames, 2))
        heat = self.heatmaps(features) / 0.1
        n, _, h, w = heat.shape
        where = heat.reshape(n, K, 1, h * w).softmax(3)
        value = (where.reshape(n, K, h * w, 1) * grid(h, w).reshape(1, 1, h * w, 2)).sum(2)
        jacobian = (self.jacobians(features).reshape(n, K, 4, h * w) * where).sum(3).reshape(n, K, 2, 2)
        return value, jacobian


def heatmaps(points, h, w, variance=0.01):
    offset = grid(h, w).reshape(1, 1, h, w, 2) - points.reshape(*points.shape[:2], 1, 1, 2)
    return torch.exp(-0.5 * (offset ** 2).sum(4) / variance)


def sparse_motions(source, driving, h, w):
    (s, js), (d, jd) = source, driving
    n = s.shape[0]
    z = grid(h, w).reshape(1, 1, h, w, 2)
    jacobian = (js @ torch.linalg.inv(jd)).reshape(n, K, 1, 1, 2, 2)
    moved = (jacobian * (z - d.reshape(n, K, 1, 1, 2)).unsqueeze(4)).sum(5) + s.reshape(n, K, 1, 1, 2)
    return torch.cat([z.expand(n, 1, h, w, 2), moved], 1)


class DenseMotion(nn.Module):
    def __init__(self):
        super().__init__()
        self.hourglass = Hourglass((K + 1) * 4)
        self.masks = nn.Conv2d(self.hourglass.out_channels, K + 1, 7, 1, 3)
        self.occlusion = nn.Conv2d(self.hourglass.out_channels, 1, 7, 1, 3)
        nn.init.constant_(self.occlusion.bias, 3.0)

    def forward(self, source, ks, kd):
        small = F.avg_pool2d(source, 4)
        n, c, h, w = small.shape
        bumps = heatmaps(kd[0], h, w) - heatmaps(ks[0], h, w)
        heat = torch.cat([torch.zeros(n, 1, h, w), bumps], 1)
        proposals = sparse_motions(ks, kd, h, w)
        warped = F.grid_sample(small.unsqueeze(1).expand(n, K + 1, c, h, w).reshape(n * (K + 1), c, h, w),
                               proposals.reshape(n * (K + 1), h, w, 2), align_corners=False).reshape(n, K + 1, c, h, w)
        features = self.hourglass(torch.cat([heat.unsqueeze(2), warped], 2).reshape(n, (K + 1) * (c + 1), h, w))
        choice = self.masks(features).softmax(1)
        deformation = (proposals * choice.unsqueeze(4)).sum(1)
        return deformation, torch.sigmoid(self.occlusion(features))


class Residual(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.conv1, self.conv2 = nn.Conv2d(c, c, 3, 1, 1), nn.Conv2d(c, c, 3, 1, 1)

    def forward(self, x):
        return F.leaky_relu(x + self.conv2(F.leaky_relu(self.conv1(x), 0.2)), 0.2)


class Generator(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(nn.Conv2d(3, 32, 7, 1, 3), nn.BatchNorm2d(32), nn.ReLU(),
                                     nn.Sequential(nn.Conv2d(32, 64, 3, 1, 1), nn.BatchNorm2d(64), nn.ReLU(), nn.AvgPool2d(2)),
                                     nn.Sequential(nn.Conv2d(64, 128, 3, 1, 1), nn.BatchNorm2d(128), nn.ReLU(), nn.AvgPool2d(2)))
        self.decoder = nn.Sequential(Residual(128), Residual(128), Residual(128),
                                     nn.Sequential(nn.Upsample(scale_factor=2), nn.Conv2d(128, 64, 3, 1, 1), nn.BatchNorm2d(64), nn.ReLU()),
                                     nn.Sequential(nn.Upsample(scale_factor=2), nn.Conv2d(64, 32, 3, 1, 1), nn.BatchNorm2d(32), nn.ReLU()))
        self.output = nn.Sequential(nn.Conv2d(35, 3, 7, 1, 3), nn.Sigmoid())

    def forward(self, source, deformation, occlusion):
        h, w = source.shape[2:]
        features = F.grid_sample(self.encoder(source), deformation, align_corners=False)
        fine = F.interpolate(deformation.permute(0, 3, 1, 2), size=(h, w), mode="bilinear", align_corners=False).permute(0, 2, 3, 1)
        moved = F.grid_sample(source, fine, align_corners=False)
        painted = self.output(torch.cat([self.decoder(features), moved], 1))
        visible = F.interpolate(occlusion, size=(h, w), mode="bilinear", align_corners=False)
        return moved * visible + painted * (1 - visible)


class ThinPlateSpline:
    def __init__(self, n, affine_sigma=0.05, spline_sigma=0.005, points=5):
        self.affine = torch.tensor([[1.0, 0, 0], [0, 1, 0]]) + torch.randn(n, 2, 3) * affine_sigma
        self.control = grid(points, points).reshape(-1, 2)
        self.weights = torch.randn(n, points * points, 2) * spline_sigma

    def squared(self, z):
        return ((z ** 2).sum(2, keepdim=True) + (self.control ** 2).sum(1).reshape(1, 1, -1) - 2 * z @ self.control.T).relu()

    def warp(self, z):
        r2 = self.squared(z)
        return z @ self.affine[:, :, :2].transpose(1, 2) + self.affine[:, :, 2].reshape(-1, 1, 2) + (0.5 * r2 * torch.log(r2 + 1e-6)) @ self.weights

    def jacobian(self, z):
        n, m, p = z.shape[0], z.shape[1], self.control.shape[0]
        r2 = self.squared(z)
        slope = torch.log(r2 + 1e-6) + r2 / (r2 + 1e-6)
        offsets = z.reshape(n, m, 1, 2) - self.control.reshape(1, 1, p, 2)
        spline = (self.weights.reshape(n, 1, p, 2) * slope.unsqueeze(3)).transpose(2, 3) @ offsets
        return self.affine[:, :, :2].reshape(n, 1, 2, 2) + spline

    def warp_frames(self, frames):
        n, _, h, w = frames.shape
        return F.grid_sample(frames, self.warp(grid(h, w).reshape(1, h * w, 2).expand(n, h * w, 2)).reshape(n, h, w, 2), align_corners=False)


def pyramid_l1(a, b):
    total = (a - b).abs().mean()
    for _ in range(3):
        a, b = F.avg_pool2d(a, 2), F.avg_pool2d(b, 2)
        total = total + (a - b).abs().mean()
    return total


def main():
    args = step_timing.arguments()
    keypoints, dense, generator = KeypointDetector(), DenseMotion(), Generator()
    parameters = list(keypoints.parameters()) + list(dense.parameters()) + list(generator.parameters())
    adam = torch.optim.Adam(parameters, lr=5e-4, betas=(0.5, 0.999))
    source, driving = torch.rand(BATCH, 3, SIZE, SIZE), torch.rand(BATCH, 3, SIZE, SIZE)
    identity = torch.eye(2).reshape(1, 1, 2, 2)

    def step():
        adam.zero_grad()
        ks, kd = keypoints(source), keypoints(driving)
        deformation, occlusion = dense(source, ks, kd)
        reconstruction = pyramid_l1(generator(source, deformation, occlusion), driving)
        tps = ThinPlateSpline(BATCH)
        seen_value, seen_jacobian = keypoints(tps.warp_frames(driving))
        value = (kd[0] - tps.warp(seen_value)).abs().mean()
        jacobian = (identity - torch.linalg.inv(kd[1]) @ (tps.jacobian(seen_value) @ seen_jacobian)).abs().mean()
        loss = reconstruction + 10 * (value + jacobian)
        loss.backward()
        adam.step()

    step_timing.report("motion", step, sum(p.numel() for p in parameters), args)


if __name__ == "__main__":
    main()
