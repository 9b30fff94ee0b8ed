package dev.masquerade.tutorials;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.loss.Losses;
import java.util.LinkedHashMap;
import java.util.Map;

/** Chapter 5, mean squared error: three predictions against three targets. */
public final class MseChapter extends Chapter {
    static final double[] PREDICTION = {0.5, 2.0, -1.0};
    static final double[] TARGET = {1.0, 1.0, 0.0};

    public MseChapter() {
        super(5, "Mean squared error", "05-mse.md");
    }

    // snippet: mse
    /** L = (1/n)·Σ (pᵢ − tᵢ)² and dL/dpᵢ = 2(pᵢ − tᵢ)/n, written out. */
    static double[] lossAndGradient(double[] p, double[] t) {
        int n = p.length;
        double[] result = new double[n + 1];
        for (int i = 0; i < n; i++) {
            double residual = p[i] - t[i];
            result[0] += residual * residual / n;
            result[i + 1] = 2 * residual / n;
        }
        return result;
    }
    // end snippet

    static Tensor target() {
        return Tensor.of(TARGET, DType.F64, Device.CPU, 3);
    }

    @Override
    public Map<String, Double> numbers() {
        double[] byHand = lossAndGradient(PREDICTION, TARGET);
        double[] engine = Gradients.engine(p -> Losses.mse(p, target()), PREDICTION, 3);
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("L", byHand[0]);
        for (int i = 0; i < 3; i++) {
            numbers.put("dL/dp" + i, byHand[i + 1]);
        }
        numbers.put("engine L", Losses.mse(Tensor.of(PREDICTION, DType.F64, Device.CPU, 3), target()).item());
        for (int i = 0; i < 3; i++) {
            numbers.put("engine dL/dp" + i, engine[i]);
        }
        return numbers;
    }
}
