package dev.masquerade.tutorials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Chapter 13's derivation, checked in float64 on random three-outcome worlds. */
class MinimaxChapterTest {
    private static double[] distribution(SplittableRandom random) {
        double[] p = {random.nextDouble(0.05, 1), random.nextDouble(0.05, 1), random.nextDouble(0.05, 1)};
        double sum = p[0] + p[1] + p[2];
        for (int i = 0; i < 3; i++) {
            p[i] /= sum;
        }
        return p;
    }

    @Test
    void theOptimalDiscriminatorIsAMaximumOfTheValue() {
        SplittableRandom random = new SplittableRandom(13);
        for (int trial = 0; trial < 20; trial++) {
            double[] data = distribution(random), generator = distribution(random);
            double[] best = MinimaxChapter.optimalDiscriminator(data, generator);
            double top = MinimaxChapter.value(best, data, generator);
            double h = 1e-6;
            for (int x = 0; x < 3; x++) {
                double[] up = best.clone(), down = best.clone();
                up[x] += h;
                down[x] -= h;
                double slope = (MinimaxChapter.value(up, data, generator) - MinimaxChapter.value(down, data, generator)) / (2 * h);
                assertEquals(0, slope, 1e-7, "dV/dD(" + x + ") at D*");
                up[x] += 0.01 - h;
                down[x] -= 0.01 - h;
                assertTrue(MinimaxChapter.value(up, data, generator) < top && MinimaxChapter.value(down, data, generator) < top);
            }
            assertEquals(-Math.log(4) + 2 * MinimaxChapter.jensenShannon(data, generator), top, 1e-12);
        }
    }

    @Test
    void theEngineTrainedDiscriminatorFindsDStar() {
        double[] best = MinimaxChapter.optimalDiscriminator(MinimaxChapter.DATA, MinimaxChapter.GENERATOR);
        assertArrayEquals(best, MinimaxChapter.trainedDiscriminator(MinimaxChapter.DATA, MinimaxChapter.GENERATOR, 2000), 1e-4);
    }
}
