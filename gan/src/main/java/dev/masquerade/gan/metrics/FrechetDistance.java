package dev.masquerade.gan.metrics;

/**
 * The Fréchet distance between two sets of feature vectors, each summarised by a Gaussian
 * (mean μ, covariance Σ): ‖μ₁ − μ₂‖² + Tr(Σ₁ + Σ₂ − 2·(Σ₁Σ₂)^½). It is the FID of Heusel et al.
 * with a Fashion-MNIST classifier's features in place of Inception's. Lower is closer; even
 * two samples of the same distribution score above zero, so it is reported with a floor.
 */
public final class FrechetDistance {
    private FrechetDistance() {
    }

    /** A fitted Gaussian: the mean and the (n − 1)-normalised covariance of the rows. */
    public record Gaussian(double[] mean, double[][] covariance) {
        /** Fits the rows (one feature vector each). */
        public static Gaussian fit(double[][] rows) {
            int n = rows.length;
            if (n < 2) {
                throw new IllegalArgumentException("a Fréchet distance needs at least 2 feature vectors per set, got " + n);
            }
            int d = rows[0].length;
            double[] mean = new double[d];
            for (double[] row : rows) {
                for (int i = 0; i < d; i++) {
                    mean[i] += row[i] / n;
                }
            }
            double[][] covariance = new double[d][d];
            for (double[] row : rows) {
                for (int i = 0; i < d; i++) {
                    double di = row[i] - mean[i];
                    for (int j = i; j < d; j++) {
                        covariance[i][j] += di * (row[j] - mean[j]) / (n - 1);
                    }
                }
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < i; j++) {
                    covariance[i][j] = covariance[j][i];
                }
            }
            return new Gaussian(mean, covariance);
        }
    }

    /** The distance between the Gaussians fitted to two sets of rows. */
    public static double between(double[][] a, double[][] b) {
        return between(Gaussian.fit(a), Gaussian.fit(b));
    }

    /**
     * The distance between two Gaussians. Tr (Σ₁Σ₂)^½ is the sum of the square roots of the
     * eigenvalues of the symmetric S·Σ₂·S with S = Σ₁^½ (which has the same eigenvalues as
     * Σ₁Σ₂), so only symmetric eigendecompositions are needed.
     */
    public static double between(Gaussian p, Gaussian q) {
        int d = p.mean().length;
        if (q.mean().length != d) {
            throw new IllegalArgumentException("feature vectors of different lengths: " + d + " and " + q.mean().length);
        }
        double distance = 0;
        for (int i = 0; i < d; i++) {
            double diff = p.mean()[i] - q.mean()[i];
            distance += diff * diff + p.covariance()[i][i] + q.covariance()[i][i];
        }
        double[][] root = squareRoot(p.covariance());
        double[] eigenvalues = SymmetricEigen.of(multiply(multiply(root, q.covariance()), root)).values();
        for (double lambda : eigenvalues) {
            distance -= 2 * Math.sqrt(Math.max(lambda, 0)); // tiny negative eigenvalues are rounding
        }
        return distance;
    }

    /** The symmetric square root V·diag(√λ)·Vᵀ of a covariance matrix. */
    static double[][] squareRoot(double[][] covariance) {
        SymmetricEigen.Decomposition e = SymmetricEigen.of(covariance);
        int d = covariance.length;
        double[][] root = new double[d][d];
        for (int k = 0; k < d; k++) {
            double s = Math.sqrt(Math.max(e.values()[k], 0));
            for (int i = 0; i < d; i++) {
                double vik = e.vectors()[i][k] * s;
                for (int j = 0; j < d; j++) {
                    root[i][j] += vik * e.vectors()[j][k];
                }
            }
        }
        return root;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length, m = b[0].length, k = b.length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < k; p++) {
                double aip = a[i][p];
                for (int j = 0; j < m; j++) {
                    c[i][j] += aip * b[p][j];
                }
            }
        }
        return c;
    }
}
