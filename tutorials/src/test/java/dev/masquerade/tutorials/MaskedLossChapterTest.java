package dev.masquerade.tutorials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Chapter 12: the masked mean's gradient, and where SSIM's gradient goes with and without masking the images. */
class MaskedLossChapterTest {
    private final SplittableRandom random = new SplittableRandom(12);

    @Test
    void theMaskedMeansGradientIsZeroOutsideAndNormalisedInside() {
        for (int trial = 0; trial < 20; trial++) {
            double[] p = random.doubles(6, 0, 1).toArray(), t = random.doubles(6, 0, 1).toArray();
            double[] m = random.doubles(6, 0, 1).map(v -> v < 0.4 ? 0 : v).toArray();
            m[0] = 1; // never empty
            double total = 0;
            for (double v : m) {
                total += v;
            }
            Tensor target = SsimChapter.vector(t), mask = SsimChapter.vector(m);
            double[] engine = Gradients.engine(x -> MaskedLossChapter.maskedL1(x, target, mask), p, 6);
            assertArrayEquals(Gradients.numeric(x -> MaskedLossChapter.maskedL1(x, target, mask), p, 6), engine, 1e-8);
            for (int i = 0; i < 6; i++) {
                assertEquals(m[i] * Math.signum(p[i] - t[i]) / total, engine[i], 1e-12);
            }
        }
    }

    @Test
    void ssimOfMaskedImagesSendsNoGradientOutsideTheMask() {
        for (int trial = 0; trial < 20; trial++) {
            double[] p = random.doubles(8, 0, 1).toArray(), t = random.doubles(8, 0, 1).toArray();
            double[] m = {1, 1, 1, 1, 0, 0, 0, 0};
            Tensor target = SsimChapter.vector(t), mask = SsimChapter.vector(m);
            double[] masked = Gradients.engine(x -> SsimChapter.ssim(target.mul(mask), x.mul(mask)), p, 8);
            double[] whole = Gradients.engine(x -> SsimChapter.ssim(target, x), p, 8);
            assertEquals(0, MaskedLossChapter.leak(masked, m), 0);
            assertTrue(MaskedLossChapter.leak(whole, m) > 0.05, "whole-image SSIM reaches outside: " + MaskedLossChapter.leak(whole, m));
        }
    }
}
