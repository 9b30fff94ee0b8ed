package dev.masquerade.tutorials;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.Parameter;
import dev.masquerade.nn.optim.Adam;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Chapter 18, Adam: a constant gradient of 0.5 for three steps, lr 0.1, β₁ 0.9, β₂ 0.999. */
public final class AdamChapter extends Chapter {
    static final double GRADIENT = 0.5;
    static final double LEARNING_RATE = 0.1;
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;

    public AdamChapter() {
        super(18, "Adam", "18-adam.md");
    }

    // snippet: adam
    /** One parameter's Adam state: the moving averages of the gradient and of its square. */
    static final class Moments {
        double m;
        double v;
        int t;

        /** Returns the step to subtract from the parameter for gradient g. */
        double step(double g, boolean biasCorrection) {
            t++;
            m = BETA1 * m + (1 - BETA1) * g;          // momentum: an average of recent gradients
            v = BETA2 * v + (1 - BETA2) * g * g;      // an average of their squares
            double mHat = biasCorrection ? m / (1 - Math.pow(BETA1, t)) : m;   // both start at 0: undo the pull towards it
            double vHat = biasCorrection ? v / (1 - Math.pow(BETA2, t)) : v;
            return LEARNING_RATE * mHat / (Math.sqrt(vHat) + EPSILON);
        }
    }
    // end snippet

    /** The parameter after three steps of the engine's Adam on L = 0.5·p from p = 0. */
    static double engineAfterThreeSteps() {
        Parameter p = new Parameter(Tensor.zeros(DType.F64, Device.CPU, 1));
        Adam adam = new Adam(List.of(p), LEARNING_RATE, BETA1, BETA2);
        for (int i = 0; i < 3; i++) {
            adam.zeroGrad();
            p.value().mul(GRADIENT).sum().backward();
            adam.step();
        }
        return p.value().item();
    }

    @Override
    public Map<String, Double> numbers() {
        Moments corrected = new Moments(), raw = new Moments();
        Map<String, Double> numbers = new LinkedHashMap<>();
        double first = corrected.step(GRADIENT, true);
        numbers.put("m1", corrected.m);
        numbers.put("v1", corrected.v);
        numbers.put("step1", first);
        numbers.put("step1 without correction", raw.step(GRADIENT, false));
        double position = -first - corrected.step(GRADIENT, true) - corrected.step(GRADIENT, true);
        numbers.put("p after 3 steps", position);
        numbers.put("engine p after 3 steps", engineAfterThreeSteps());
        Moments small = new Moments();
        numbers.put("step1 for g = 0.001", small.step(0.001, true));
        return numbers;
    }
}
