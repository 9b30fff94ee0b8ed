package dev.masquerade.tutorials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Chapter 10: the shared encoder's gradient is the sum of both people's, by autograd and central differences. */
class AutoencoderChapterTest {
    @Test
    void theEncodersGradientIsTheSumOfBothPaths() {
        SplittableRandom random = new SplittableRandom(10);
        for (int trial = 0; trial < 20; trial++) {
            double xA = random.nextDouble(-2, 2), xB = random.nextDouble(-2, 2);
            double[] p = random.doubles(3, -2, 2).toArray(); // w, a, b
            ToDoubleFunction<double[]> loss = q -> Math.pow(q[1] * q[0] * xA - xA, 2) + Math.pow(q[2] * q[0] * xB - xB, 2);
            double[] engine = AutoencoderChapter.gradients(xA, xB, p[0], p[1], p[2]);
            assertArrayEquals(Gradients.centralDifferences(loss, p, 1e-6), engine, 1e-6);
            double fromA = 2 * (p[1] * p[0] * xA - xA) * p[1] * xA, fromB = 2 * (p[2] * p[0] * xB - xB) * p[2] * xB;
            assertEquals(fromA + fromB, engine[0], 1e-12);
        }
    }
}
