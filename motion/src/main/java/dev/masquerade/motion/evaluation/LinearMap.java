package dev.masquerade.motion.evaluation;

/**
 * An affine map fitted by least squares (with a small ridge, so that it is always solvable):
 * y ≈ W·[x, 1]. The motion model's keypoints are found without labels, so their order and
 * meaning are the model's own; a linear map from all of them to the true landmarks, fitted on
 * training frames and tried on held-out ones, asks whether they carry the landmarks'
 * information at all.
 */
public final class LinearMap {
    private final double[][] weights; // [outputs][inputs + 1]

    private LinearMap(double[][] weights) {
        this.weights = weights;
    }

    /** Fits rows x[i] (inputs) to rows y[i] (outputs): W = (XᵀX + λI)⁻¹ XᵀY with a column of ones appended to X. */
    public static LinearMap fit(double[][] x, double[][] y, double ridge) {
        int n = x.length, d = x[0].length + 1, outputs = y[0].length;
        double[][] normal = new double[d][d + outputs]; // [XᵀX + λI | XᵀY], solved in place by Gauss-Jordan elimination
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                double xa = a < d - 1 ? x[i][a] : 1;
                for (int b = 0; b < d; b++) {
                    normal[a][b] += xa * (b < d - 1 ? x[i][b] : 1);
                }
                for (int o = 0; o < outputs; o++) {
                    normal[a][d + o] += xa * y[i][o];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            normal[a][a] += ridge;
        }
        for (int pivot = 0; pivot < d; pivot++) {
            int best = pivot;
            for (int r = pivot + 1; r < d; r++) {
                best = Math.abs(normal[r][pivot]) > Math.abs(normal[best][pivot]) ? r : best;
            }
            double[] swap = normal[pivot];
            normal[pivot] = normal[best];
            normal[best] = swap;
            for (int r = 0; r < d; r++) {
                if (r != pivot) {
                    double factor = normal[r][pivot] / normal[pivot][pivot];
                    for (int c = pivot; c < d + outputs; c++) {
                        normal[r][c] -= factor * normal[pivot][c];
                    }
                }
            }
        }
        double[][] weights = new double[outputs][d];
        for (int o = 0; o < outputs; o++) {
            for (int a = 0; a < d; a++) {
                weights[o][a] = normal[a][d + o] / normal[a][a];
            }
        }
        return new LinearMap(weights);
    }

    /** W·[x, 1]. */
    public double[] apply(double[] x) {
        double[] y = new double[weights.length];
        for (int o = 0; o < weights.length; o++) {
            double sum = weights[o][x.length];
            for (int a = 0; a < x.length; a++) {
                sum += weights[o][a] * x[a];
            }
            y[o] = sum;
        }
        return y;
    }
}
