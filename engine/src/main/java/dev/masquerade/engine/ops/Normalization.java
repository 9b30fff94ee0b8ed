package dev.masquerade.engine.ops;

import dev.masquerade.engine.Autograd;
import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Shape;
import java.util.Arrays;
import java.util.Map;

/**
 * Normalisation: bringing each channel to mean 0 and variance 1, y = (x − μ)/√(σ² + ε) with
 * μ and σ² (biased) taken over some axes. Instance normalisation takes them over each
 * picture's plane of H·W pixels on its own: it does not mix the pictures of a batch, so it
 * behaves the same in training and evaluation and with a batch of one, what pix2pix and
 * CycleGAN use when a picture's contrast is style to be removed (tutorials/25-cycle-consistency.md).
 * Batch normalisation takes them over the batch and the pixels, per channel, while training,
 * and scales and shifts each channel by learnt γ and β.
 *
 * <p>Both write their backward out instead of letting autograd differentiate mean, sub, mul
 * and div: the graph of those would take x's gradient along three paths and sum them, about
 * twenty passes over the tensor where the formula below makes seven.
 */
public final class Normalization {
    private static final int[] PLANE = {2, 3};

    private Normalization() {
    }

    /**
     * [N, C, H, W] → the same shape, every plane normalised. With x̂ = (x − μ)/s and
     * s = √(σ² + ε), over a plane of n pixels dx̂/dx couples every pixel through μ and σ²;
     * summing those paths gives dL/dx = (g − mean(g) − x̂·mean(g·x̂)) / s, means over the plane.
     */
    public static Tensor instanceNorm(Tensor x, double eps) {
        if (x.rank() != 4 || x.size(2) * x.size(3) < 2 || !(eps >= 0)) {
            throw new IllegalArgumentException("instanceNorm: needs [N, C, H, W] with at least 2 pixels a plane and ε ≥ 0, got "
                    + Shape.str(x.shape()) + " and ε = " + eps);
        }
        Statistics s = Statistics.of(x, PLANE, eps);
        Tensor xHat = s.normalized(), scale = s.scale;
        return Autograd.record("instanceNorm", Map.of("eps", eps), xHat, g -> {
            // BEGIN SOLUTION task-9.2: instance normalisation's gradient from the upstream g, the normalised x̂ and the scale s = √(σ² + ε): (g − mean(g) − x̂·mean(g·x̂)) / s, means over each plane (axes 2 and 3), written with tensor operations (see tutorials/25-cycle-consistency.md)
            return new Tensor[] {g.sub(g.mean(PLANE, true)).sub(xHat.mul(g.mul(xHat).mean(PLANE, true))).div(scale)};
            // END SOLUTION
        }, x);
    }

    /**
     * Batch normalisation in training with its affine step, y = γ·x̂ + β, where x̂ = (x − μ)/s,
     * s = √(σ² + ε), with the batch's μ and σ² (biased) of each channel over axis 0 of [N, C]
     * or axes 0, 2, 3 of [N, C, H, W]; γ and β are [C]. Returns y and the statistics, [1, C] or
     * [1, C, 1, 1] and outside the graph, for the running estimates.
     *
     * <p>The gradient of x̂ is instance normalisation's (tutorials/25-cycle-consistency.md
     * derives it) with its means over the same axes; the affine step scales it by γ:
     * dL/dx = (γ/s)·(g − mean(g) − x̂·mean(g·x̂)), dL/dγ = Σ g·x̂, dL/dβ = Σ g. Those two sums
     * are the two means the first formula needs, so one backward serves all three. Written
     * with the centred input c = x − μ instead of x̂ (x̂·mean(g·x̂) = c·mean(g·c)/s²), x̂ is
     * never stored: the forward makes six passes over the activations and the backward seven,
     * where normalising, then scaling by γ and adding β as three operations made seven and eleven.
     */
    public static BatchStatistics batchNorm(Tensor x, Tensor gamma, Tensor beta, double eps) {
        int channels = x.rank() > 1 ? x.size(1) : -1;
        if ((x.rank() != 2 && x.rank() != 4) || !(eps >= 0) || !Arrays.equals(gamma.shape(), new int[] {channels})
                || !Arrays.equals(beta.shape(), new int[] {channels})) {
            throw new IllegalArgumentException("batchNorm: needs x [N, C] or [N, C, H, W], γ and β [C] and ε ≥ 0, got "
                    + Shape.str(x.shape()) + ", " + Shape.str(gamma.shape()) + ", " + Shape.str(beta.shape()) + " and ε = " + eps);
        }
        int[] axes = x.rank() == 2 ? new int[] {0} : new int[] {0, 2, 3};
        int[] perChannel = x.rank() == 2 ? new int[] {1, channels} : new int[] {1, channels, 1, 1};
        double count = (double) x.numel() / channels;
        Statistics s = Statistics.of(x, axes, eps);
        Tensor centred = s.centred, scale = s.scale, factor, output;
        try (var scope = NoGrad.enter()) {
            factor = gamma.reshape(perChannel).div(scale); // a = γ/s: y = a·c + β
            output = centred.mul(factor).add(beta.reshape(perChannel));
        }
        Tensor y = Autograd.record("batchNormTraining", Map.of("eps", eps), output, g -> {
            Tensor sumG = g.sum(axes, true), sumGC = g.mul(centred).sum(axes, true);
            return new Tensor[] {
                    // a·g − c·(a·mean(g·c)/s²) − a·mean(g)
                    Autograd.ifNeeded(x, () -> g.mul(factor).sub(centred.mul(factor.mul(sumGC).div(scale.mul(scale).mul(count))))
                            .sub(factor.mul(sumG).div(count))),
                    Autograd.ifNeeded(gamma, () -> sumGC.div(scale).reshape(channels)),
                    Autograd.ifNeeded(beta, () -> sumG.reshape(channels))};
        }, x, gamma, beta);
        return new BatchStatistics(y, s.mean, s.variance);
    }

    /** {@link #batchNorm}'s output and the batch's mean and biased variance per channel. */
    public record BatchStatistics(Tensor output, Tensor mean, Tensor variance) {
    }

    /** μ, σ², the scale √(σ² + ε) and x − μ over {@code axes}, computed outside the graph (the callers write the backward out). */
    private record Statistics(Tensor mean, Tensor variance, Tensor scale, Tensor centred) {
        static Statistics of(Tensor x, int[] axes, double eps) {
            try (var scope = NoGrad.enter()) {
                Tensor mean = x.mean(axes, true);
                Tensor centred = x.sub(mean);
                Tensor variance = centred.mul(centred).mean(axes, true);
                return new Statistics(mean, variance, variance.add(eps).sqrt(), centred);
            }
        }

        /** x̂ = (x − μ)/s. */
        Tensor normalized() {
            try (var scope = NoGrad.enter()) {
                return centred.div(scale);
            }
        }
    }
}
