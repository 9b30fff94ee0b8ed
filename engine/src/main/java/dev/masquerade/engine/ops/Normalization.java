package dev.masquerade.engine.ops;

import dev.masquerade.engine.Autograd;
import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Shape;
import java.util.Map;

/**
 * Instance normalisation: each picture's each channel is brought to mean 0 and variance 1 on
 * its own, y = (x − μ)/√(σ² + ε) with μ and σ² (biased) over that plane's H·W pixels. Unlike
 * batch normalisation it does not mix the pictures of a batch, so it behaves the same in
 * training and evaluation and with a batch of one: what pix2pix and CycleGAN use when a
 * picture's contrast is style to be removed. Tutorial: tutorials/25-cycle-consistency.md.
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
        Tensor mean;
        Tensor scale;
        Tensor normalized;
        try (var scope = NoGrad.enter()) { // the backward below is written out, not recorded
            mean = x.mean(PLANE, true);
            Tensor centred = x.sub(mean);
            scale = centred.mul(centred).mean(PLANE, true).add(eps).sqrt();
            normalized = centred.div(scale);
        }
        Tensor xHat = normalized;
        return Autograd.record("instanceNorm", Map.of("eps", eps), normalized, g -> {
            // BEGIN SOLUTION task-9.2: instance normalisation's gradient from the upstream g, the normalised x̂ and the scale s = √(σ² + ε): (g − mean(g) − x̂·mean(g·x̂)) / s, means over each plane (axes 2 and 3), written with tensor operations (see tutorials/25-cycle-consistency.md)
            return new Tensor[] {g.sub(g.mean(PLANE, true)).sub(xHat.mul(g.mul(xHat).mean(PLANE, true))).div(scale)};
            // END SOLUTION
        }, x);
    }
}
