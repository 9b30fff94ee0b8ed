package dev.masquerade.nn.optim;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.backend.AdamStep;
import dev.masquerade.engine.backend.FusedAdam;
import dev.masquerade.nn.Parameter;
import java.util.List;

/**
 * Adam (Kingma and Ba 2015): moving averages of the gradient m and of its square v, corrected
 * for their start at zero, give each parameter its own step size:
 * p ← p − lr·m̂/(√v̂ + ε), m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ).
 * Weight decay λ is either added to the gradient (Adam) or, decoupled, subtracted from the
 * parameter directly, p ← p − lr·λ·p (AdamW, Loshchilov and Hutter 2019).
 * Tutorial: tutorials/18-adam.md.
 *
 * <p>{@link #update} is the definition written as tensor operations; where the parameter's
 * backend offers {@link FusedAdam}, the same step runs as one pass through memory instead.
 */
public final class Adam extends Optimizer {
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final boolean decoupled;
    private boolean fusedAllowed = true;

    public Adam(List<Parameter> parameters, double learningRate, double beta1, double beta2, double epsilon,
                double weightDecay, boolean decoupled) {
        super(parameters, learningRate);
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0 && Double.isFinite(epsilon))
                || !(weightDecay >= 0 && Double.isFinite(weightDecay))) {
            throw new IllegalArgumentException("Adam: β₁ and β₂ must lie in [0, 1), ε be a finite number above 0 and the weight decay "
                    + "finite and not negative; got β₁ " + beta1 + ", β₂ " + beta2 + ", ε " + epsilon + ", weight decay " + weightDecay);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
    }

    /** Adam without weight decay, ε = 1e-8. */
    public Adam(List<Parameter> parameters, double learningRate, double beta1, double beta2) {
        this(parameters, learningRate, beta1, beta2, 1e-8, 0, false);
    }

    /** AdamW: decoupled weight decay, ε = 1e-8. */
    public static Adam adamW(List<Parameter> parameters, double learningRate, double beta1, double beta2, double weightDecay) {
        return new Adam(parameters, learningRate, beta1, beta2, 1e-8, weightDecay, true);
    }

    /**
     * Whether to take the backend's fused step where it offers one ({@link FusedAdam}: the same
     * arithmetic in one pass through memory). On by default; off runs the tensor-operation
     * definition below on every backend, which is what the fused step is tested against.
     *
     * @return this optimizer
     */
    public Adam fused(boolean allowed) {
        this.fusedAllowed = allowed;
        return this;
    }

    @Override
    protected void update(int index, Tensor value, Tensor grad, long step) {
        Tensor m = state(index, "m", value);
        Tensor v = state(index, "v", value);
        if (fusedAllowed && value.backend() instanceof FusedAdam fused) {
            fused.adamUpdate(value.array(), grad.array(), m.array(), v.array(), coefficients(step));
            for (Tensor changed : new Tensor[] {value, m, v}) {
                changed.storage().bumpVersion();
            }
            return;
        }
        Tensor g = decoupled || weightDecay == 0 ? grad : grad.add(value.mul(weightDecay)); // L2: decay inside the gradient
        m.copyFrom(m.mul(beta1).add(g.mul(1 - beta1)));                  // momentum: an average of recent gradients
        v.copyFrom(v.mul(beta2).add(g.mul(g).mul(1 - beta2)));           // an average of their squares
        Tensor mHat = m.div(1 - Math.pow(beta1, step));                   // both start at 0: undo the pull towards it
        Tensor vHat = v.div(1 - Math.pow(beta2, step));
        Tensor decayed = decoupled && weightDecay != 0 ? value.mul(1 - learningRate() * weightDecay) : value; // AdamW
        value.copyFrom(decayed.sub(mHat.mul(learningRate()).div(vHat.sqrt().add(epsilon))));
    }

    /**
     * The numbers of the fused step: the bias corrections fold into two scalars,
     * stepSize = lr/(1 − β₁ᵗ) and vScale = 1/√(1 − β₂ᵗ), because
     * lr·m̂/(√v̂ + ε) = stepSize·m/(√v·vScale + ε).
     */
    private AdamStep coefficients(long step) {
        return new AdamStep(beta1, beta2, learningRate() / (1 - Math.pow(beta1, step)), 1 / Math.sqrt(1 - Math.pow(beta2, step)), epsilon,
                decoupled ? 1 - learningRate() * weightDecay : 1, decoupled ? 0 : weightDecay);
    }
}
