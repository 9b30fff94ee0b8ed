package dev.masquerade.tutorials;

import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.loss.Losses;
import java.util.LinkedHashMap;
import java.util.Map;

/** Chapter 9, softmax cross-entropy and log-sum-exp: three class scores, the right class first. */
public final class SoftmaxCrossEntropyChapter extends Chapter {
    static final double[] LOGITS = {2.0, 1.0, 0.1};
    static final int LABEL = 0;

    public SoftmaxCrossEntropyChapter() {
        super(9, "Softmax cross-entropy and log-sum-exp", "09-softmax-cross-entropy.md");
    }

    // snippet: logsumexp
    /** log Σⱼ e^xⱼ = m + log Σⱼ e^(xⱼ − m) with m = maxⱼ xⱼ: the largest exponent is e⁰ = 1, so nothing overflows. */
    static double logSumExp(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        double sum = 0;
        for (double v : x) {
            sum += Math.exp(v - m);
        }
        return m + Math.log(sum);
    }

    /** L = logsumexp(x) − x_y, and dL/dxⱼ = softmax(x)ⱼ − [j = y]. */
    static double[] lossAndGradient(double[] x, int y) {
        double lse = logSumExp(x);
        double[] result = new double[x.length + 1];
        result[0] = lse - x[y];
        for (int j = 0; j < x.length; j++) {
            result[j + 1] = Math.exp(x[j] - lse) - (j == y ? 1 : 0);
        }
        return result;
    }
    // end snippet

    @Override
    public Map<String, Double> numbers() {
        double[] byHand = lossAndGradient(LOGITS, LABEL);
        Tensor label = Tensor.indices(new int[] {LABEL}, 1);
        double[] engine = Gradients.engine(x -> Losses.crossEntropy(x, label), LOGITS, 1, 3);
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("logsumexp", logSumExp(LOGITS));
        for (int j = 0; j < 3; j++) {
            numbers.put("softmax" + j, Math.exp(LOGITS[j] - logSumExp(LOGITS)));
        }
        numbers.put("L", byHand[0]);
        for (int j = 0; j < 3; j++) {
            numbers.put("dL/dx" + j, byHand[j + 1]);
        }
        for (int j = 0; j < 3; j++) {
            numbers.put("engine dL/dx" + j, engine[j]);
        }
        numbers.put("logsumexp of 1000, 1000", logSumExp(new double[] {1000, 1000}));
        return numbers;
    }
}
