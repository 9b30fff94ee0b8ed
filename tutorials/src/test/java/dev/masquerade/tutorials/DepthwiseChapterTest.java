package dev.masquerade.tutorials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.masquerade.engine.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Chapter 20: the per-channel loops, the engine's depthwise conv2d and central differences agree; the cost formula is the ratio. */
class DepthwiseChapterTest {
    @Test
    void loopsEngineAndCentralDifferencesAgree() {
        SplittableRandom random = new SplittableRandom(20);
        for (int[] csk : new int[][] {{2, 3, 2}, {3, 5, 3}, {2, 4, 1}}) {
            int c = csk[0], s = csk[1], k = csk[2], out = s - k + 1;
            double[] x = random.doubles(c * s * s, -1, 1).toArray(), w = random.doubles(c * k * k, -1, 1).toArray();
            double[] g = random.doubles(c * out * out, -1, 1).toArray();
            Tensor gt = DepthwiseChapter.tensor(g, 1, c, out, out), wt = DepthwiseChapter.tensor(w, c, 1, k, k), xt = DepthwiseChapter.tensor(x, 1, c, s, s);
            assertArrayEquals(xt.conv2d(wt, null, 1, 0, 1, c).toDoubleArray(), DepthwiseChapter.forward(x, c, s, w, k), 1e-12);
            double[][] grads = DepthwiseChapter.gradients(x, c, s, w, k, g);
            assertArrayEquals(Gradients.numeric(v -> xt.conv2d(v, null, 1, 0, 1, c).mul(gt).sum(), w, c, 1, k, k), grads[0], 1e-8);
            assertArrayEquals(Gradients.numeric(v -> v.conv2d(wt, null, 1, 0, 1, c).mul(gt).sum(), x, 1, c, s, s), grads[1], 1e-8);
            assertArrayEquals(Gradients.engine(v -> v.conv2d(wt, null, 1, 0, 1, c).mul(gt).sum(), x, 1, c, s, s), grads[1], 1e-12);
        }
    }

    @Test
    void theSavingIsOneOverFPlusOneOverKSquared() {
        for (int[] cf : new int[][] {{16, 32}, {256, 512}, {3, 7}}) {
            double ratio = (double) DepthwiseChapter.separableCost(3, cf[0], cf[1]) / DepthwiseChapter.fullCost(3, cf[0], cf[1]);
            assertEquals(1.0 / cf[1] + 1.0 / 9, ratio, 1e-15);
        }
    }
}
