package dev.masquerade.nn.optim;

import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.Parameter;
import java.util.List;

/**
 * Stochastic gradient descent: p ← p − lr·g, with g = ∇ + λ·p (weight decay). With momentum μ
 * the step follows the velocity v ← μ·v + g; Nesterov's variant steps along g + μ·v (looking
 * ahead), as in PyTorch.
 */
public final class Sgd extends Optimizer {
    private final double momentum;
    private final boolean nesterov;
    private final double weightDecay;

    public Sgd(List<Parameter> parameters, double learningRate, double momentum, boolean nesterov, double weightDecay) {
        super(parameters, learningRate);
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.weightDecay = weightDecay;
    }

    /** Plain SGD. */
    public Sgd(List<Parameter> parameters, double learningRate) {
        this(parameters, learningRate, 0, false, 0);
    }

    @Override
    protected void update(int index, Tensor value, Tensor grad, long step) {
        Tensor g = weightDecay == 0 ? grad : grad.add(value.mul(weightDecay));
        if (momentum != 0) {
            Tensor velocity = state(index, "velocity", g).mul(momentum).add(g); // starts at 0, so v₁ = g
            setState(index, "velocity", velocity);
            g = nesterov ? g.add(velocity.mul(momentum)) : velocity;
        }
        value.copyFrom(value.sub(g.mul(learningRate())));
    }
}
