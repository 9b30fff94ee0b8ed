package dev.masquerade.tutorials;

import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.loss.Losses;
import dev.masquerade.nn.loss.Reduction;
import java.util.LinkedHashMap;
import java.util.Map;

/** Chapter 12, masked losses: four pixels, the face covering the first two; then SSIM over eight pixels, half masked. */
public final class MaskedLossChapter extends Chapter {
    static final double[] PREDICTION = {0.3, 0.9, 0.2, 0.0};
    static final double[] TARGET = {0.1, 0.5, 0.8, 0.8};
    static final double[] MASK = {1, 1, 0, 0};
    static final double[] SSIM_TARGET = {0.2, 0.4, 0.6, 0.8, 0.3, 0.3, 0.9, 0.1};
    static final double[] SSIM_PREDICTION = {0.1, 0.5, 0.5, 0.9, 0.6, 0.2, 0.4, 0.4};
    static final double[] SSIM_MASK = {1, 1, 1, 1, 0, 0, 0, 0};

    public MaskedLossChapter() {
        super(12, "Masked losses", "12-masked-losses.md");
    }

    // snippet: masked
    /** The masked mean Σ m·|p − t| / Σ m (the engine's weighted mean), and its gradient sign(p − t)·m / Σ m. */
    static Tensor maskedL1(Tensor prediction, Tensor target, Tensor mask) {
        return Losses.l1(prediction, target, Reduction.MEAN, mask);
    }

    /** The share of a gradient's length that falls outside the mask: what a masked loss should keep at 0. */
    static double leak(double[] gradient, double[] mask) {
        double outside = 0, all = 0;
        for (int i = 0; i < gradient.length; i++) {
            all += gradient[i] * gradient[i];
            outside += mask[i] == 0 ? gradient[i] * gradient[i] : 0;
        }
        return Math.sqrt(outside / all);
    }
    // end snippet

    @Override
    public Map<String, Double> numbers() {
        Tensor target = SsimChapter.vector(TARGET), mask = SsimChapter.vector(MASK);
        double[] gradient = Gradients.engine(p -> maskedL1(p, target, mask), PREDICTION, 4);
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("masked L1", maskedL1(SsimChapter.vector(PREDICTION), target, mask).item());
        numbers.put("L1 divided by n", maskedL1(SsimChapter.vector(PREDICTION), target, mask).item() * 2 / 4);
        for (int i = 0; i < 4; i++) {
            numbers.put("dL/dp" + i, gradient[i]);
        }
        Tensor ssimTarget = SsimChapter.vector(SSIM_TARGET), ssimMask = SsimChapter.vector(SSIM_MASK);
        double[] whole = Gradients.engine(p -> SsimChapter.ssim(ssimTarget, p), SSIM_PREDICTION, 8);
        double[] maskedFirst = Gradients.engine(p -> SsimChapter.ssim(ssimTarget.mul(ssimMask), p.mul(ssimMask)), SSIM_PREDICTION, 8);
        numbers.put("leak SSIM of whole images", leak(whole, SSIM_MASK));
        numbers.put("leak SSIM of masked images", leak(maskedFirst, SSIM_MASK));
        numbers.put("SSIM of masked images", SsimChapter.ssim(ssimTarget.mul(ssimMask), SsimChapter.vector(SSIM_PREDICTION).mul(ssimMask)).item());
        return numbers;
    }
}
