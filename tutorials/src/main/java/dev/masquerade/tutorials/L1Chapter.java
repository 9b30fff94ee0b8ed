package dev.masquerade.tutorials;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.loss.Losses;
import java.util.LinkedHashMap;
import java.util.Map;

/** Chapter 6, L1 and subgradients: the same predictions as chapter 5, plus one exactly on target. */
public final class L1Chapter extends Chapter {
    static final double[] PREDICTION = {0.5, 2.0, -1.0, 3.0};
    static final double[] TARGET = {1.0, 1.0, 0.0, 3.0};

    public L1Chapter() {
        super(6, "L1 and subgradients", "06-l1.md");
    }

    // snippet: l1
    /** L = (1/n)·Σ |pᵢ − tᵢ| and the subgradient sign(pᵢ − tᵢ)/n, choosing 0 where pᵢ = tᵢ. */
    static double[] lossAndSubgradient(double[] p, double[] t) {
        int n = p.length;
        double[] result = new double[n + 1];
        for (int i = 0; i < n; i++) {
            result[0] += Math.abs(p[i] - t[i]) / n;
            result[i + 1] = Math.signum(p[i] - t[i]) / n;   // signum(0) = 0: inside [−1, 1]/n
        }
        return result;
    }
    // end snippet

    @Override
    public Map<String, Double> numbers() {
        double[] byHand = lossAndSubgradient(PREDICTION, TARGET);
        Tensor target = Tensor.of(TARGET, DType.F64, Device.CPU, 4);
        double[] engine = Gradients.engine(p -> Losses.l1(p, target), PREDICTION, 4);
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("L", byHand[0]);
        for (int i = 0; i < 4; i++) {
            numbers.put("dL/dp" + i, byHand[i + 1]);
        }
        for (int i = 0; i < 4; i++) {
            numbers.put("engine dL/dp" + i, engine[i]);
        }
        return numbers;
    }
}
