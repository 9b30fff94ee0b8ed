package dev.masquerade.tutorials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Chapter 21: the row's system is the energy's stationary point (its gradient by central
 * differences is 2(A f − b)), elimination and conjugate gradients solve it alike, and the
 * solution is the energy's minimum.
 */
class SeamlessChapterTest {
    @Test
    void theEnergysGradientIsTwiceTheResidualOfTheSystem() {
        SplittableRandom random = new SplittableRandom(21);
        for (double lambda : new double[] {0, 0.5, 3}) {
            double[] t = random.doubles(7, 0, 50).toArray(), g = random.doubles(7, 0, 50).toArray(), f = random.doubles(5, 0, 50).toArray();
            double[][] system = SeamlessChapter.rowSystem(t, g, lambda);
            double[] numeric = Gradients.centralDifferences(x -> SeamlessChapter.rowEnergy(x, t, g, lambda), f, 1e-5);
            double[] af = SeamlessChapter.rowProduct(f, lambda);
            for (int i = 0; i < f.length; i++) {
                assertEquals(2 * (af[i] - system[1][i]), numeric[i], 1e-5, "λ " + lambda + ", pixel " + i);
            }
        }
    }

    @Test
    void eliminationAndConjugateGradientsFindTheMinimum() {
        SplittableRandom random = new SplittableRandom(12);
        for (double lambda : new double[] {0, 0.1, 2}) {
            double[] t = random.doubles(9, 0, 1).toArray(), g = random.doubles(9, 0, 1).toArray();
            double[][] system = SeamlessChapter.rowSystem(t, g, lambda);
            double[] direct = SeamlessChapter.solveTridiagonal(system[0], system[1]);
            assertArrayEquals(system[1], SeamlessChapter.rowProduct(direct, lambda), 1e-12, "elimination solves A f = b");
            double[] cg = SeamlessChapter.conjugateGradients(x -> SeamlessChapter.rowProduct(x, lambda), system[1], 1e-13);
            assertArrayEquals(direct, Arrays.copyOf(cg, 7), 1e-10);
            assertTrue(cg[7] <= 7, "at most one step per unknown, took " + cg[7]);
            double best = SeamlessChapter.rowEnergy(direct, t, g, lambda);
            for (int i = 0; i < 7; i++) {
                double[] moved = direct.clone();
                moved[i] += 1e-3;
                assertTrue(SeamlessChapter.rowEnergy(moved, t, g, lambda) > best, "moving pixel " + i + " raises the energy");
            }
        }
    }
}
