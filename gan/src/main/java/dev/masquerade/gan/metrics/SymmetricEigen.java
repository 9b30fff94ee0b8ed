package dev.masquerade.gan.metrics;

/**
 * Eigenvalues and eigenvectors of a symmetric matrix by cyclic Jacobi rotations: each rotation
 * zeroes one off-diagonal pair, and sweeps over all pairs until the off-diagonal part has
 * vanished. Slow for big matrices (O(n³) per sweep) but simple, exact to rounding, and quick
 * for the 128×128 covariances of the Fréchet distance.
 */
public final class SymmetricEigen {
    private static final int MAX_SWEEPS = 100;

    /** A = V·diag(values)·Vᵀ; column j of {@code vectors} is the eigenvector of values[j]. */
    public record Decomposition(double[] values, double[][] vectors) {
    }

    private SymmetricEigen() {
    }

    /** The decomposition of the symmetric matrix a (left unchanged). */
    public static Decomposition of(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][];
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("SymmetricEigen: the matrix must be square, row " + i + " has " + a[i].length + " of " + n);
            }
            m[i] = a[i].clone();
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS && offDiagonal(m) > 1e-22 * (1 + diagonal(m)); sweep++) {
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (m[p][q] != 0) {
                        rotate(m, v, p, q);
                    }
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = m[i][i];
        }
        return new Decomposition(values, v);
    }

    /**
     * The rotation in the (p, q) plane that zeroes m[p][q]: with θ = (m[q][q] − m[p][p]) / (2·m[p][q]),
     * t = tan φ = sign(θ) / (|θ| + √(θ² + 1)) (the smaller angle, for stability).
     */
    private static void rotate(double[][] m, double[][] v, int p, int q) {
        double theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int n = m.length;
        for (int k = 0; k < n; k++) { // M ← M·J
            double mkp = m[k][p], mkq = m[k][q];
            m[k][p] = c * mkp - s * mkq;
            m[k][q] = s * mkp + c * mkq;
        }
        for (int k = 0; k < n; k++) { // M ← Jᵀ·M
            double mpk = m[p][k], mqk = m[q][k];
            m[p][k] = c * mpk - s * mqk;
            m[q][k] = s * mpk + c * mqk;
        }
        for (int k = 0; k < n; k++) { // V ← V·J
            double vkp = v[k][p], vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }

    private static double offDiagonal(double[][] m) {
        double sum = 0;
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m.length; j++) {
                sum += i == j ? 0 : m[i][j] * m[i][j];
            }
        }
        return sum;
    }

    private static double diagonal(double[][] m) {
        double sum = 0;
        for (int i = 0; i < m.length; i++) {
            sum += m[i][i] * m[i][i];
        }
        return sum;
    }
}
