package dev.masquerade.nn.optim;

import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.Parameter;
import java.util.List;

/**
 * Adam (Kingma and Ba 2015): moving averages of the gradient m and of its square v, corrected
 * for their start at zero, give each parameter its own step size:
 * p ← p − lr·m̂/(√v̂ + ε), m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ).
 * Weight decay λ is either added to the gradient (Adam) or, decoupled, subtracted from the
 * parameter directly, p ← p − lr·λ·p (AdamW, Loshchilov and Hutter 2019).
 */
public final class Adam extends Optimizer {
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final boolean decoupled;

    public Adam(List<Parameter> parameters, double learningRate, double beta1, double beta2, double epsilon,
                double weightDecay, boolean decoupled) {
        super(parameters, learningRate);
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

    @Override
    protected Tensor update(int index, Tensor value, Tensor grad, long step) {
        Tensor g = weightDecay != 0 && !decoupled ? grad.add(value.mul(weightDecay)) : grad;
        Tensor m = state(index, "m", g).mul(beta1).add(g.mul(1 - beta1));
        Tensor v = state(index, "v", g).mul(beta2).add(g.mul(g).mul(1 - beta2));
        setState(index, "m", m);
        setState(index, "v", v);
        Tensor mHat = m.div(1 - Math.pow(beta1, step));
        Tensor vHat = v.div(1 - Math.pow(beta2, step));
        Tensor base = weightDecay != 0 && decoupled ? value.mul(1 - learningRate() * weightDecay) : value;
        return base.sub(mHat.div(vHat.sqrt().add(epsilon)).mul(learningRate()));
    }
}
