package dev.masquerade.detection.spectrum;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.array.Shape;
import dev.masquerade.nn.Module;
import dev.masquerade.nn.Parameter;
import dev.masquerade.nn.loss.Losses;
import dev.masquerade.nn.optim.Adam;
import dev.masquerade.nn.optim.Optimizer;

/**
 * P(fake | x) = σ(x·w + b): one weight per feature and a bias, fitted by minimising the binary
 * cross-entropy −[y·log p + (1 − y)·log(1 − p)] plus an L2 penalty λ·|w|². The loss is convex,
 * so any sensible optimiser reaches the one minimum; the engine's autograd supplies the
 * gradient, ∂L/∂w = Xᵀ(σ(Xw + b) − y)/N + 2λw and ∂L/∂b = mean(σ(Xw + b) − y), which
 * tutorials/28-logistic-regression.md derives and LogisticRegressionTest checks.
 */
public final class LogisticRegression extends Module {
    private final Parameter weight;
    private final Parameter bias;

    /** An untrained model of {@code features} inputs (float64): all weights zero, so every probability starts at ½. */
    public LogisticRegression(int features) {
        weight = parameter("weight", Tensor.zeros(DType.F64, Device.CPU, features, 1));
        bias = parameter("bias", Tensor.zeros(DType.F64, Device.CPU, 1));
    }

    /** x [N, features] → the log-odds of fake, x·w + b [N, 1]. */
    public Tensor logits(Tensor x) {
        if (x.rank() != 2 || x.size(1) != weight.value().size(0)) {
            throw new IllegalArgumentException("logistic regression of " + weight.value().size(0) + " features: input "
                    + Shape.str(x.shape()) + " must be [N, " + weight.value().size(0) + "]");
        }
        return x.matmul(weight.value()).add(bias.value());
    }

    // snippet: loss
    /** The mean binary cross-entropy of labels y [N, 1] (1 = fake) plus λ·|w|². */
    public Tensor loss(Tensor x, Tensor y, double l2) {
        // BEGIN SOLUTION task-10.4: the mean binary cross-entropy of the logits x·w + b against y, stable for large logits, plus l2·|w|² (see tutorials/28-logistic-regression.md)
        Tensor w = weight.value();
        return Losses.bceWithLogits(logits(x), y).add(w.mul(w).sum().mul(l2));
        // END SOLUTION
    }
    // end snippet

    /** Fits the weights to x [N, features] and labels y [N, 1] with full-batch Adam; returns the final loss. */
    public double fit(Tensor x, Tensor y, int steps, double learningRate, double l2) {
        Optimizer adam = new Adam(parameters(), learningRate, 0.9, 0.999);
        double last = Double.NaN;
        for (int step = 0; step < steps; step++) {
            adam.zeroGrad();
            Tensor loss = loss(x, y, l2);
            loss.backward();
            adam.step();
            last = loss.item();
        }
        return last;
    }

    /** The weight of each feature: how much a unit step in it moves the log-odds (a step of one standard deviation, for standardised features). */
    public double[] weights() {
        return weight.value().toDoubleArray();
    }
}
