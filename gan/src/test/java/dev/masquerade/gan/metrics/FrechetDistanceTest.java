package dev.masquerade.gan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Fréchet distance against closed forms, and the eigensolver beneath it. */
class FrechetDistanceTest {
    private static double[][] randomSymmetric(SplittableRandom random, int n, boolean positiveDefinite) {
        double[][] b = new double[n][n];
        for (double[] row : b) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextGaussian();
            }
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (positiveDefinite) { // B·Bᵀ + I
                    for (int k = 0; k < n; k++) {
                        a[i][j] += b[i][k] * b[j][k];
                    }
                    a[i][j] += i == j ? 1 : 0;
                } else {
                    a[i][j] = b[i][j] + b[j][i];
                }
            }
        }
        return a;
    }

    @Test
    void eigenpairsSatisfyAvEqualsLambdaV() {
        SplittableRandom random = new SplittableRandom(3);
        for (int n : new int[] {1, 2, 7, 33}) {
            double[][] a = randomSymmetric(random, n, false);
            SymmetricEigen.Decomposition e = SymmetricEigen.of(a);
            for (int k = 0; k < n; k++) {
                for (int i = 0; i < n; i++) {
                    double av = 0;
                    for (int j = 0; j < n; j++) {
                        av += a[i][j] * e.vectors()[j][k];
                    }
                    assertEquals(e.values()[k] * e.vectors()[i][k], av, 1e-9, "n = " + n + ", pair " + k + ", row " + i);
                }
            }
        }
    }

    @Test
    void diagonalGaussiansHaveTheClosedForm() {
        // With commuting covariances Tr(Σ₁Σ₂)^½ = Σ σ₁σ₂, so FD = ‖μ₁ − μ₂‖² + Σ (σ₁ − σ₂)².
        var p = new FrechetDistance.Gaussian(new double[] {0, 1, 2}, new double[][] {{4, 0, 0}, {0, 1, 0}, {0, 0, 9}});
        var q = new FrechetDistance.Gaussian(new double[] {1, 1, 0}, new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 16}});
        assertEquals(1 + 0 + 4 + (2 - 1) * (2 - 1) + 0 + (3 - 4) * (3 - 4), FrechetDistance.between(p, q), 1e-9);
        assertEquals(0, FrechetDistance.between(p, p), 1e-9);
    }

    @Test
    void twoByTwoCovariancesMatchTheTraceIdentity() {
        // For 2×2 M = Σ₁Σ₂ with positive eigenvalues, Tr √M = √(Tr M + 2·√det M).
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 20; trial++) {
            double[][] s1 = randomSymmetric(random, 2, true), s2 = randomSymmetric(random, 2, true);
            double[][] m = new double[2][2];
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    m[i][j] = s1[i][0] * s2[0][j] + s1[i][1] * s2[1][j];
                }
            }
            double traceRoot = Math.sqrt(m[0][0] + m[1][1] + 2 * Math.sqrt(m[0][0] * m[1][1] - m[0][1] * m[1][0]));
            double expected = 1 + s1[0][0] + s1[1][1] + s2[0][0] + s2[1][1] - 2 * traceRoot;
            var p = new FrechetDistance.Gaussian(new double[] {0, 0}, s1);
            var q = new FrechetDistance.Gaussian(new double[] {1, 0}, s2);
            assertEquals(expected, FrechetDistance.between(p, q), 1e-9);
            assertEquals(FrechetDistance.between(p, q), FrechetDistance.between(q, p), 1e-9); // symmetric
        }
    }

    @Test
    void fittingSamplesRecoversTheirMoments() {
        double[][] rows = {{1, 2}, {3, 2}, {2, 5}};
        var g = FrechetDistance.Gaussian.fit(rows);
        assertEquals(2, g.mean()[0], 1e-12);
        assertEquals(3, g.mean()[1], 1e-12);
        assertEquals(1, g.covariance()[0][0], 1e-12); // ((−1)² + 1² + 0²) / 2
        assertEquals(0, g.covariance()[0][1], 1e-12);
        assertEquals(3, g.covariance()[1][1], 1e-12); // (1 + 1 + 4) / 2
        assertThrows(IllegalArgumentException.class, () -> FrechetDistance.Gaussian.fit(new double[][] {{1, 2}}));
    }
}
