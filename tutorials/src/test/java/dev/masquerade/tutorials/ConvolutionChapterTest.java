package dev.masquerade.tutorials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.masquerade.engine.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Chapter 4: the loops, the engine and central differences agree; the input gradient is a full correlation with the flipped kernel. */
class ConvolutionChapterTest {
    @Test
    void loopsEngineAndCentralDifferencesAgree() {
        SplittableRandom random = new SplittableRandom(4);
        for (int[] sk : new int[][] {{3, 2}, {5, 3}, {6, 1}, {4, 4}}) {
            int s = sk[0], k = sk[1], out = s - k + 1;
            double[] x = random.doubles(s * s, -1, 1).toArray(), w = random.doubles(k * k, -1, 1).toArray();
            double[] g = random.doubles(out * out, -1, 1).toArray();
            Tensor gt = ConvolutionChapter.image(g, out), wt = ConvolutionChapter.image(w, k), xt = ConvolutionChapter.image(x, s);
            double[] dx = ConvolutionChapter.inputGradient(w, k, g, s), dw = ConvolutionChapter.weightGradient(x, s, g, k);
            assertArrayEquals(Gradients.numeric(v -> v.conv2d(wt, null, 1, 0, 1).mul(gt).sum(), x, 1, 1, s, s), dx, 1e-8);
            assertArrayEquals(Gradients.numeric(v -> xt.conv2d(v, null, 1, 0, 1).mul(gt).sum(), w, 1, 1, k, k), dw, 1e-8);
            assertArrayEquals(Gradients.engine(v -> v.conv2d(wt, null, 1, 0, 1).mul(gt).sum(), x, 1, 1, s, s), dx, 1e-12);
            // the key result: full correlation of G (padded by k − 1) with the flipped kernel
            double[] flipped = new double[k * k];
            for (int i = 0; i < k * k; i++) {
                flipped[i] = w[k * k - 1 - i];
            }
            double[] full = gt.pad(new int[] {k - 1, k - 1, k - 1, k - 1}, 0).conv2d(ConvolutionChapter.image(flipped, k), null, 1, 0, 1)
                    .toDoubleArray();
            assertArrayEquals(dx, full, 1e-12);
        }
    }

    @Test
    void winogradsFourMultiplicationsGiveTheTwoOutputsOfTheDirectCorrelation() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 20; trial++) {
            double[] d = random.doubles(4, -1, 1).toArray(), g = random.doubles(3, -1, 1).toArray();
            double[] direct = {g[0] * d[0] + g[1] * d[1] + g[2] * d[2], g[0] * d[1] + g[1] * d[2] + g[2] * d[3]};
            assertArrayEquals(direct, ConvolutionChapter.winograd(d, g), 1e-12);
        }
    }
}
