package dev.masquerade.engine.ops;

import dev.masquerade.engine.Autograd;
import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Shape;
import java.util.Map;

/**
 * Softmax turns scores into probabilities along one axis: yᵢ = e^xᵢ / Σⱼ e^xⱼ.
 * Tutorial: tutorials/09-softmax-cross-entropy.md.
 */
public final class Softmax {
    private Softmax() {
    }

    /**
     * Forward through log-sum-exp for stability. Backward: the Jacobian is
     * ∂yᵢ/∂xⱼ = yᵢ(δᵢⱼ − yⱼ), so dL/dx = y ⊙ (g − Σ g ⊙ y).
     */
    public static Tensor softmax(Tensor x, int axis) {
        int[] axes = {Shape.normalizeAxis("softmax", axis, x.rank())};
        Tensor y;
        try (var scope = NoGrad.enter()) {
            y = x.sub(x.logsumexp(axes, true)).exp();
        }
        return Autograd.record("softmax", Map.of("axis", axes[0]), y, g -> new Tensor[] {y.mul(g.sub(g.mul(y).sum(axes, true)))}, x);
    }

    /** log softmax = x − logsumexp(x); built from differentiable parts, so autograd derives g − softmax·Σg. */
    public static Tensor logSoftmax(Tensor x, int axis) {
        int[] axes = {Shape.normalizeAxis("logSoftmax", axis, x.rank())};
        return x.sub(x.logsumexp(axes, true));
    }
}
