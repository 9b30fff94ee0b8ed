package dev.masquerade.tutorials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.loss.Losses;
import dev.masquerade.nn.loss.Reduction;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Chapters 5 to 9: each loss's key result against the engine's autograd and central differences in float64. */
class LossChaptersTest {
    private final SplittableRandom random = new SplittableRandom(5);

    private static Tensor vector(double... values) {
        return Tensor.of(values, DType.F64, Device.CPU, values.length);
    }

    @Test
    void mseAndL1() {
        for (int trial = 0; trial < 20; trial++) {
            double[] p = random.doubles(5, -3, 3).toArray(), t = random.doubles(5, -3, 3).toArray();
            double[] mse = MseChapter.lossAndGradient(p, t), l1 = L1Chapter.lossAndSubgradient(p, t);
            assertArrayEquals(Arrays.copyOfRange(mse, 1, 6), Gradients.engine(x -> Losses.mse(x, vector(t)), p, 5), 1e-12);
            assertArrayEquals(Arrays.copyOfRange(mse, 1, 6), Gradients.numeric(x -> Losses.mse(x, vector(t)), p, 5), 1e-8);
            assertArrayEquals(Arrays.copyOfRange(l1, 1, 6), Gradients.engine(x -> Losses.l1(x, vector(t)), p, 5), 1e-12);
            assertArrayEquals(Arrays.copyOfRange(l1, 1, 6), Gradients.numeric(x -> Losses.l1(x, vector(t)), p, 5), 1e-8);
        }
    }

    @Test
    void bceThroughTheSigmoidIsPMinusT() {
        for (double x = -8; x <= 8; x += 0.5) {
            for (double t : new double[] {0, 0.3, 1}) {
                Tensor label = vector(t);
                double p = 1 / (1 + Math.exp(-x));
                double engine = Gradients.engine(l -> Losses.bce(l.sigmoid(), label, Reduction.MEAN, null), new double[] {x}, 1)[0];
                assertEquals(p - t, engine, 1e-9, "x = " + x + ", t = " + t);
                assertEquals(p - t, BceChapter.throughTheSigmoid(x, t)[4], 1e-12);
            }
        }
    }

    @Test
    void bceWithLogitsIsExactEverywhere() {
        for (double x = -800; x <= 800; x += 12.5) {
            for (double t : new double[] {0, 1}) {
                double sigma = 1 / (1 + Math.exp(-x));
                assertEquals(sigma - t, BceWithLogitsChapter.engineGradient(x, t), 1e-12, "x = " + x);
                assertEquals(BceWithLogitsChapter.bceWithLogits(x, t), BceWithLogitsChapter.engineLoss(x, t), 1e-9 * (1 + Math.abs(x)));
                if (Math.abs(x) <= 20) {
                    assertEquals(BceWithLogitsChapter.throughTheProbability(x, t), BceWithLogitsChapter.bceWithLogits(x, t), 1e-9);
                }
            }
        }
        assertTrue(Double.isInfinite(BceWithLogitsChapter.throughTheProbability(-800, 1)), "the naive form fails where the text says");
    }

    @Test
    void softmaxCrossEntropyIsSoftmaxMinusOneHot() {
        for (int trial = 0; trial < 20; trial++) {
            double shift = trial % 2 == 0 ? 0 : 1000 * (trial % 4 == 1 ? 1 : -1);
            double[] x = random.doubles(4, -3, 3).map(v -> v + shift).toArray();
            int y = random.nextInt(4);
            double[] byHand = SoftmaxCrossEntropyChapter.lossAndGradient(x, y);
            Tensor label = Tensor.indices(new int[] {y}, 1);
            assertArrayEquals(Arrays.copyOfRange(byHand, 1, 5), Gradients.engine(l -> Losses.crossEntropy(l, label), x, 1, 4), 1e-12);
            assertArrayEquals(Arrays.copyOfRange(byHand, 1, 5), Gradients.numeric(l -> Losses.crossEntropy(l, label), x, 1, 4),
                    1e-7);
        }
    }
}
