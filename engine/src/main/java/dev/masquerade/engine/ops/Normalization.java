package dev.masquerade.engine.ops;

import dev.masquerade.engine.Autograd;
import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Shape;
import java.util.Map;

/**
 * Normalisation: bringing each channel to mean 0 and variance 1, y = (x − μ)/√(σ² + ε) with
 * μ and σ² (biased) taken over some axes. Instance normalisation takes them over each
 * picture's plane of H·W pixels on its own: it does not mix the pictures of a batch, so it
 * behaves the same in training and evaluation and with a batch of one, what pix2pix and
 * CycleGAN use when a picture's contrast is style to be removed (tutorials/25-cycle-consistency.md).
 * Batch normalisation takes them over the batch and the pixels, per channel, while training.
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
        Tensor xHat = s.normalized, scale = s.scale;
        return Autograd.record("instanceNorm", Map.of("eps", eps), s.normalized, g -> {
            // BEGIN SOLUTION task-9.2: instance normalisation's gradient from the upstream g, the normalised x̂ and the scale s = √(σ² + ε): (g − mean(g) − x̂·mean(g·x̂)) / s, means over each plane (axes 2 and 3), written with tensor operations (see tutorials/25-cycle-consistency.md)
            return new Tensor[] {g.sub(g.mean(PLANE, true)).sub(xHat.mul(g.mul(xHat).mean(PLANE, true))).div(scale)};
            // END SOLUTION
        }, x);
    }

    /**
     * Batch normalisation in training: the output x̂ = (x − μ)/√(σ² + ε) with the batch's μ and
     * σ² (biased) of each channel, over axis 0 of [N, C] or axes 0, 2, 3 of [N, C, H, W], and
     * those statistics, [1, C] or [1, C, 1, 1] and outside the graph, for the running estimates.
     * The gradient is instance normalisation's (tutorials/25-cycle-consistency.md derives it),
     * its means taken over the same axes: dL/dx = (g − mean(g) − x̂·mean(g·x̂)) / √(σ² + ε).
     */
    public static BatchStatistics batchNorm(Tensor x, double eps) {
        if ((x.rank() != 2 && x.rank() != 4) || !(eps >= 0)) {
            throw new IllegalArgumentException("batchNorm: needs [N, C] or [N, C, H, W] and ε ≥ 0, got "
                    + Shape.str(x.shape()) + " and ε = " + eps);
        }
        int[] axes = x.rank() == 2 ? new int[] {0} : new int[] {0, 2, 3};
        Statistics s = Statistics.of(x, axes, eps);
        Tensor xHat = s.normalized, scale = s.scale;
        Tensor output = Autograd.record("batchNormTraining", Map.of("eps", eps), s.normalized,
                g -> new Tensor[] {g.sub(g.mean(axes, true)).sub(xHat.mul(g.mul(xHat).mean(axes, true))).div(scale)}, x);
        return new BatchStatistics(output, s.mean, s.variance);
    }

    /** {@link #batchNorm}'s output and the batch's mean and biased variance per channel. */
    public record BatchStatistics(Tensor output, Tensor mean, Tensor variance) {
    }

    /** μ, σ², the scale √(σ² + ε) and x̂ over {@code axes}, computed outside the graph (the callers write the backward out). */
    private record Statistics(Tensor mean, Tensor variance, Tensor scale, Tensor normalized) {
        static Statistics of(Tensor x, int[] axes, double eps) {
            try (var scope = NoGrad.enter()) {
                Tensor mean = x.mean(axes, true);
                Tensor centred = x.sub(mean);
                Tensor variance = centred.mul(centred).mean(axes, true);
                Tensor scale = variance.add(eps).sqrt();
                return new Statistics(mean, variance, scale, centred.div(scale));
            }
        }
    }
}
