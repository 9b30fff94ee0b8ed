package dev.masquerade.engine.cpu;

/**
 * The plain reference matrix product on row-major double arrays:
 * {@code C[m×n] (+)= A[m×k] · B[k×n]}. The loop order i-k-j streams through rows of B and C,
 * which the JIT vectorises; rows of C are shared among threads. Matrix products and
 * convolutions (through im2col) all end up here.
 */
final class Gemm {
    private Gemm() {
    }

    static void multiply(double[] a, int aOffset, double[] b, int bOffset, double[] c, int cOffset,
                         int m, int n, int k, boolean accumulate) {
        CpuThreads.parallelFor(m, (long) n * k, (from, to) -> {
            for (int i = from; i < to; i++) {
                int cRow = cOffset + i * n;
                if (!accumulate) {
                    java.util.Arrays.fill(c, cRow, cRow + n, 0.0);
                }
                int aRow = aOffset + i * k;
                for (int p = 0; p < k; p++) {
                    double aip = a[aRow + p];
                    if (aip == 0) {
                        continue;
                    }
                    int bRow = bOffset + p * n;
                    for (int j = 0; j < n; j++) {
                        c[cRow + j] += aip * b[bRow + j];
                    }
                }
            }
        });
    }

    /** The transpose of a row-major rows×cols block, as a new cols×rows array. */
    static double[] transpose(double[] src, int offset, int rows, int cols) {
        double[] out = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = src[offset + r * cols + c];
            }
        }
        return out;
    }
}
