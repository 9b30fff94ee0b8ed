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
 * Chapter 15, k discriminator steps and alternating updates, on chapter 13's three-outcome
 * world: the generator is a softmax over three logits, the discriminator one logit per
 * outcome, and both losses are exact expectations, so the only thing that varies is k.
 */
public final class AlternatingUpdatesChapter extends Chapter {
    static final double[] START = {-1, 0, 1};

    public AlternatingUpdatesChapter() {
        super(15, "k discriminator steps and alternating updates", "15-alternating-updates.md");
    }

    /** Where training ended: the generator's distribution, and how far D was from D* before the last generator step. */
    record Outcome(double[] generator, double discriminatorGap) {
    }

    // snippet: alternate
    /** {@code steps} rounds of: k discriminator steps against the current generator, then one generator step (non-saturating). */
    static Outcome train(int k, int steps) {
        Tensor pData = Tensor.of(MinimaxChapter.DATA, DType.F64, Device.CPU, 3);
        Parameter d = new Parameter(Tensor.zeros(DType.F64, Device.CPU, 3));       // D(x) = σ(d[x])
        Parameter g = new Parameter(Tensor.of(START, DType.F64, Device.CPU, 3));   // p_g = softmax(g)
        Adam dOptimizer = new Adam(List.of(d), 0.05, 0.5, 0.999);
        Adam gOptimizer = new Adam(List.of(g), 0.05, 0.5, 0.999);
        double gap = 0;
        for (int step = 0; step < steps; step++) {
            for (int j = 0; j < k; j++) {                        // D: maximise V with G held fixed
                dOptimizer.zeroGrad();
                Tensor pG = g.value().softmax(0).detach();
                Losses.bceWithLogits(d.value(), Tensor.onesLike(pData), Reduction.SUM, pData)
                        .add(Losses.bceWithLogits(d.value(), Tensor.zerosLike(pG), Reduction.SUM, pG)).backward();
                dOptimizer.step();
            }
            gap = gap(d.value().sigmoid().toDoubleArray(), g.value().softmax(0).toDoubleArray());
            gOptimizer.zeroGrad();                               // G: make the fixed D call its mass real
            Tensor pG = g.value().softmax(0);
            Losses.bceWithLogits(d.value().detach(), Tensor.onesLike(pG), Reduction.SUM, pG).backward();
            gOptimizer.step();
        }
        return new Outcome(g.value().softmax(0).toDoubleArray(), gap);
    }
    // end snippet

    /** max over x of |D(x) − D*(x)|. */
    static double gap(double[] d, double[] generator) {
        double[] best = MinimaxChapter.optimalDiscriminator(MinimaxChapter.DATA, generator);
        double max = 0;
        for (int x = 0; x < d.length; x++) {
            max = Math.max(max, Math.abs(d[x] - best[x]));
        }
        return max;
    }

    @Override
    public Map<String, Double> numbers() {
        double[] start = Tensor.of(START, DType.F64, Device.CPU, 3).softmax(0).toDoubleArray();
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("JS at start", MinimaxChapter.jensenShannon(MinimaxChapter.DATA, start));
        for (int steps : new int[] {25, 50}) {
            for (int k : new int[] {1, 5}) {
                Outcome outcome = train(k, steps);
                numbers.put("JS k = " + k + " after " + steps, MinimaxChapter.jensenShannon(MinimaxChapter.DATA, outcome.generator()));
                numbers.put("gap k = " + k + " after " + steps, outcome.discriminatorGap());
            }
        }
        return numbers;
    }
}
