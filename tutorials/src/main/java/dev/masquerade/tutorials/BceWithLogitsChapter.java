package dev.masquerade.tutorials;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.loss.Losses;
import java.util.LinkedHashMap;
import java.util.Map;

/** Chapter 8, BCE with logits and its stable form: ordinary and extreme logits. */
public final class BceWithLogitsChapter extends Chapter {

    public BceWithLogitsChapter() {
        super(8, "BCE with logits and its stable form", "08-bce-with-logits.md");
    }
    // snippet: stable
    /** softplus(x) = log(1 + eˣ) = max(x, 0) + log(1 + e^−|x|): the exponent is never positive, so it never overflows. */
    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** BCE(σ(x), t) = softplus(x) − t·x, for any logit x. */
    static double bceWithLogits(double x, double t) {
        return softplus(x) - t * x;
    }

    /** The same loss through the probability, as chapter 7 computes it: fine for moderate x, −∞ or NaN for large |x|. */
    static double throughTheProbability(double x, double t) {
        double p = 1 / (1 + Math.exp(-x));
        return -(t * Math.log(p) + (1 - t) * Math.log(1 - p));
    }
    // end snippet

    static double engineLoss(double x, double t) {
        return Losses.bceWithLogits(Tensor.of(new double[] {x}, DType.F64, Device.CPU, 1), Tensor.of(new double[] {t}, DType.F64, Device.CPU, 1))
                .item();
    }

    static double engineGradient(double x, double t) {
        Tensor label = Tensor.of(new double[] {t}, DType.F64, Device.CPU, 1);
        return Gradients.engine(l -> Losses.bceWithLogits(l, label), new double[] {x}, 1)[0];
    }

    @Override
    public Map<String, Double> numbers() {
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("stable at 2", bceWithLogits(2, 1));
        numbers.put("naive at 2", throughTheProbability(2, 1));
        numbers.put("stable at -800", bceWithLogits(-800, 1));
        numbers.put("stable at 40, label 0", bceWithLogits(40, 0));
        numbers.put("engine at -800", engineLoss(-800, 1));
        numbers.put("engine gradient at -800", engineGradient(-800, 1));
        numbers.put("engine gradient at 2", engineGradient(2, 1));
        return numbers;
    }
}
