package dev.masquerade.tutorials;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.masquerade.engine.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Chapter 1's one-page autograd agrees with the closed form, the engine and central differences everywhere, not just at (2, 3). */
class AutogradChapterTest {
    @Test
    void theOnePageAutogradTheEngineAndCentralDifferencesAgree() {
        SplittableRandom random = new SplittableRandom(1);
        for (int trial = 0; trial < 50; trial++) {
            double x = random.nextDouble(-3, 3), y = random.nextDouble(-3, 3);
            Value[] values = AutogradChapter.withValues(x, y);
            Tensor[] tensors = AutogradChapter.withTensors(x, y);
            double[] numeric = Gradients.centralDifferences(p -> (p[0] * p[1] + p[0]) * (p[0] * p[1] + p[0]), new double[] {x, y}, 1e-5);
            double dx = 2 * (x * y + x) * (y + 1), dy = 2 * (x * y + x) * x;
            assertEquals(dx, values[1].grad(), 1e-12);
            assertEquals(dy, values[2].grad(), 1e-12);
            assertEquals(dx, tensors[1].item(), 1e-12);
            assertEquals(dy, tensors[2].item(), 1e-12);
            assertEquals(dx, numeric[0], 1e-6);
            assertEquals(dy, numeric[1], 1e-6);
        }
    }

    @Test
    void aValueUsedTwiceCollectsBothContributions() {
        Value x = new Value(5);
        x.mul(x).backward(); // d(x²)/dx = 2x, one x from each side of the product
        assertEquals(10, x.grad(), 0);
    }
}
