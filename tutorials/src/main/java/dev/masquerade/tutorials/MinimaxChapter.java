package dev.masquerade.tutorials;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.Parameter;
import dev.masquerade.nn.loss.Losses;
import dev.masquerade.nn.loss.Reduction;
import dev.masquerade.nn.optim.Adam;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chapter 13, the minimax value function, on a world of three outcomes: the optimal
 * discriminator in closed form, the value of the game at it, the Jensen–Shannon divergence,
 * and a discriminator trained by the engine that finds D* on its own.
 */
public final class MinimaxChapter extends Chapter {
    /** The data distribution over three outcomes. */
    static final double[] DATA = {0.6, 0.3, 0.1};
    /** The generator's distribution over the same outcomes. */
    static final double[] GENERATOR = {0.2, 0.3, 0.5};

    public MinimaxChapter() {
        super(13, "The minimax value function", "13-minimax.md");
    }

    // snippet: value
    /** V(D, G) = Σₓ p_data(x)·log D(x) + Σₓ p_g(x)·log(1 − D(x)). */
    static double value(double[] d, double[] data, double[] generator) {
        double v = 0;
        for (int x = 0; x < d.length; x++) {
            v += data[x] * Math.log(d[x]) + generator[x] * Math.log(1 - d[x]);
        }
        return v;
    }

    /** D*(x) = p_data(x) / (p_data(x) + p_g(x)), the discriminator that maximises V. */
    static double[] optimalDiscriminator(double[] data, double[] generator) {
        double[] d = new double[data.length];
        for (int x = 0; x < d.length; x++) {
            d[x] = data[x] / (data[x] + generator[x]);
        }
        return d;
    }

    /** JS(p ‖ q) = ½·KL(p ‖ m) + ½·KL(q ‖ m) with m = (p + q)/2. */
    static double jensenShannon(double[] p, double[] q) {
        double js = 0;
        for (int x = 0; x < p.length; x++) {
            double m = (p[x] + q[x]) / 2;
            js += 0.5 * (p[x] * Math.log(p[x] / m) + q[x] * Math.log(q[x] / m));
        }
        return js;
    }
    // end snippet

    // snippet: train
    /**
     * A discriminator with one logit per outcome, trained by the engine to maximise V, i.e. to
     * minimise −V = Σ p_data·BCE(logit, 1) + Σ p_g·BCE(logit, 0): the discriminator's
     * loss of {@code GanLoss}, with expectations in place of batch means.
     */
    static double[] trainedDiscriminator(double[] data, double[] generator, int steps) {
        Parameter logits = new Parameter(Tensor.zeros(DType.F64, Device.CPU, data.length));
        Tensor pData = Tensor.of(data, DType.F64, Device.CPU, data.length);
        Tensor pGenerator = Tensor.of(generator, DType.F64, Device.CPU, data.length);
        Adam adam = new Adam(List.of(logits), 0.05, 0.9, 0.999);
        for (int step = 0; step < steps; step++) {
            adam.zeroGrad();
            Tensor l = logits.value();
            Tensor minusV = Losses.bceWithLogits(l, Tensor.onesLike(l), Reduction.SUM, pData)
                    .add(Losses.bceWithLogits(l, Tensor.zerosLike(l), Reduction.SUM, pGenerator));
            minusV.backward();
            adam.step();
        }
        return logits.value().sigmoid().toDoubleArray();
    }
    // end snippet

    @Override
    public Map<String, Double> numbers() {
        double[] best = optimalDiscriminator(DATA, GENERATOR);
        double[] trained = trainedDiscriminator(DATA, GENERATOR, 2000);
        Map<String, Double> numbers = new LinkedHashMap<>();
        for (int x = 0; x < 3; x++) {
            numbers.put("D*(" + (x + 1) + ")", best[x]);
        }
        numbers.put("V at D*", value(best, DATA, GENERATOR));
        numbers.put("JS", jensenShannon(DATA, GENERATOR));
        numbers.put("-log 4 + 2 JS", -Math.log(4) + 2 * jensenShannon(DATA, GENERATOR));
        numbers.put("V at D = 1/2", value(new double[] {0.5, 0.5, 0.5}, DATA, GENERATOR));
        for (int x = 0; x < 3; x++) {
            numbers.put("trained D(" + (x + 1) + ")", trained[x]);
        }
        return numbers;
    }
}
