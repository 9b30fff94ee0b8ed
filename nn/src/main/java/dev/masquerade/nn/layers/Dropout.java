package dev.masquerade.nn.layers;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.Layer;

/**
 * In training, zeroes each element with probability p and scales the rest by 1/(1 − p), so
 * the expected value is unchanged; in evaluation, the identity. The mask is drawn from a
 * seeded generator, so runs repeat.
 */
public final class Dropout extends Layer {
    private final double p;
    private final Rng rng;

    public Dropout(double p, Rng rng) {
        if (p < 0 || p >= 1) {
            throw new IllegalArgumentException("Dropout: p = " + p + " must be in [0, 1)");
        }
        this.p = p;
        this.rng = rng;
    }

    @Override
    public Tensor forward(Tensor x) {
        if (!isTraining() || p == 0) {
            return x;
        }
        Tensor kept = Tensor.rand(rng, x.dtype(), x.device(), x.shape()).sub(p).relu(); // non-zero where the draw exceeds p
        Tensor mask = Tensor.where(kept, x.scalarLike(1 / (1 - p)), x.scalarLike(0));
        return x.mul(mask);
    }
}
