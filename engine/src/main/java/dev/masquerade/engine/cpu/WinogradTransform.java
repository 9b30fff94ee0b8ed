package dev.masquerade.engine.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The three matrices of one Winograd algorithm F(m, 3), and how {@link WinogradConvolution}
 * applies them: m outputs of a 3-tap filter g from α = m + 2 inputs d are y = Aᵀ[(G·g) ⊙ (Bᵀ·d)].
 * The matrices come from evaluating the polynomials d(x) and g(x) at α − 1 points and at
 * infinity, multiplying the values, and interpolating the product back (tutorials/04-convolution.md).
 * More points mean fewer multiplications per output but larger constants, so larger rounding
 * errors in float32: F(2, 3) uses the points 0, ±1; F(4, 3) also ±2, and is the common choice.
 *
 * <p>Every matrix is kept with its rows padded by zeros to {@value #MAX_INPUTS} columns, the
 * shape {@link #combine} takes.
 */
final class WinogradTransform {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Inputs {@link #combine} takes at most: α of the largest transform. */
    static final int MAX_INPUTS = 6;

    /** F(2, 3): 4 multiplications for 2 outputs, where direct convolution takes 6. */
    static final WinogradTransform F2 = new WinogradTransform(2,
            new float[][] {{1, 0, -1, 0}, {0, 1, 1, 0}, {0, -1, 1, 0}, {0, 1, 0, -1}},
            new float[][] {{1, 0, 0}, {0.5f, 0.5f, 0.5f}, {0.5f, -0.5f, 0.5f}, {0, 0, 1}},
            new float[][] {{1, 1, 1, 0}, {0, 1, -1, -1}});
    /** F(4, 3): 6 multiplications for 4 outputs, where direct convolution takes 12. */
    static final WinogradTransform F4 = new WinogradTransform(4,
            new float[][] {{4, 0, -5, 0, 1, 0}, {0, -4, -4, 1, 1, 0}, {0, 4, -4, -1, 1, 0},
                {0, -2, -1, 2, 1, 0}, {0, 2, -1, -2, 1, 0}, {0, 4, 0, -5, 0, 1}},
            new float[][] {{1 / 4f, 0, 0}, {-1 / 6f, -1 / 6f, -1 / 6f}, {-1 / 6f, 1 / 6f, -1 / 6f},
                {1 / 24f, 1 / 12f, 1 / 6f}, {1 / 24f, -1 / 12f, 1 / 6f}, {0, 0, 1}},
            new float[][] {{1, 1, 1, 1, 1, 0}, {0, 1, -1, 2, -2, 0}, {0, 1, 1, 4, 4, 0}, {0, 1, -1, 8, -8, 1}});
    /** The transform the engine's convolutions use. */
    static final WinogradTransform DEFAULT = F4;

    /** Outputs per tile along each axis. */
    final int m;
    /** Bᵀ, α×α: the input transform. */
    final float[][] bt;
    /** G, α×3: the kernel transform. */
    final float[][] g;
    /** Gᵀ, 3×α: its adjoint, for the kernel's gradient. */
    final float[][] gt;
    /** Aᵀ, m×α: the output transform. */
    final float[][] at;
    /** A, α×m: its adjoint, for the output's gradient. */
    final float[][] a;

    private WinogradTransform(int m, float[][] bt, float[][] g, float[][] at) {
        this.m = m;
        this.bt = padded(bt);
        this.g = padded(g);
        this.gt = padded(transposed(g));
        this.at = padded(at);
        this.a = padded(transposed(at));
    }

    /** Inputs per tile along each axis. */
    int alpha() {
        return m + 2;
    }

    private static float[][] transposed(float[][] matrix) {
        float[][] result = new float[matrix[0].length][matrix.length];
        for (int i = 0; i < matrix.length; i++) {
            for (int j = 0; j < matrix[0].length; j++) {
                result[j][i] = matrix[i][j];
            }
        }
        return result;
    }

    /** Each row of {@code matrix} padded with zeros to {@value #MAX_INPUTS} columns. */
    private static float[][] padded(float[][] matrix) {
        float[][] result = new float[matrix.length][MAX_INPUTS];
        for (int o = 0; o < matrix.length; o++) {
            System.arraycopy(matrix[o], 0, result[o], 0, matrix[o].length);
        }
        return result;
    }

    /** Lanes a row of per-kernel values takes: filters·channels rounded up to whole vectors. */
    static int padded(int filters, int channels) {
        return (filters * channels + LANES - 1) / LANES * LANES;
    }

    /**
     * U[ξ][f·C + c] = (G·g·Gᵀ)[ξ] for the 3×3 kernel g of filter f and channel c of w [F, C, 3, 3],
     * each position ξ a row of {@link #padded} values. All kernels go through side by side,
     * a vector of them at a time: their nine taps are first laid out as nine rows.
     */
    float[] transformWeights(float[] w, int wOff, int filters, int channels) {
        int pairs = filters * channels, n = padded(filters, channels), alpha = alpha();
        float[] taps = new float[9 * n];
        for (int p = 0; p < pairs; p++) {
            for (int k = 0; k < 9; k++) {
                taps[k * n + p] = w[wOff + 9 * p + k];
            }
        }
        float[] half = new float[alpha * 3 * n]; // G·g: α rows of 3
        int[] column = steps(3, 3 * n), row = steps(3, n);
        for (int j = 0; j < 3; j++) {
            combine(taps, column, j * n, g, half, j * n, 3 * n, n);
        }
        float[] u = Scratch.get(Scratch.WEIGHTS, alpha * alpha * n);
        for (int a = 0; a < alpha; a++) {
            combine(half, row, 3 * a * n, g, u, alpha * a * n, n, n);
        }
        return u;
    }

    /** The kernel gradient [F, C, 3, 3] from ∂U (rows ξ of {@link #padded} values): Gᵀ·∂U·G for every kernel. */
    float[] weightGradient(float[] du, int filters, int channels) {
        // BEGIN SOLUTION task-3.3: the kernels' gradient ∂g = Gᵀ·∂U·G, all kernels side by side as transformWeights computes G·g·Gᵀ: Gᵀ (the field gt) down each of ∂U's α columns, then along each of the three resulting rows, and the nine taps of kernel p back to gradient[9p + k] (see tutorials/04-convolution.md)
        int pairs = filters * channels, n = padded(filters, channels), alpha = alpha();
        float[] half = new float[3 * alpha * n]; // Gᵀ·∂U: 3 rows of α
        int[] column = steps(alpha, alpha * n), row = steps(alpha, n);
        for (int b = 0; b < alpha; b++) {
            combine(du, column, b * n, gt, half, b * n, alpha * n, n);
        }
        float[] taps = new float[9 * n];
        for (int i = 0; i < 3; i++) {
            combine(half, row, alpha * i * n, gt, taps, 3 * i * n, n, n);
        }
        float[] gradient = new float[9 * pairs];
        for (int p = 0; p < pairs; p++) {
            for (int k = 0; k < 9; k++) {
                gradient[9 * p + k] = taps[k * n + p];
            }
        }
        return gradient;
        // END SOLUTION
    }

    /** Offsets j·step for j &lt; count. */
    static int[] steps(int count, int step) {
        int[] at = new int[count];
        for (int j = 0; j < count; j++) {
            at[j] = j * step;
        }
        return at;
    }

    /**
     * out_o = Σ_j coefficients[o][j]·in_j for n values side by side, one vector at a time: input j
     * at src[base + at[j]..], output o at out[to + o·step..]. Each vector of every input is
     * loaded once, into registers, for all the outputs; the coefficient rows are padded to
     * {@value #MAX_INPUTS}, and inputs past at.length get zero coefficients. (Six named vectors
     * rather than a loop over the inputs: in Java 17 a vector carried around an inner loop of
     * unknown length is boxed on the heap at every step.)
     *
     * <p>This runs whole vectors only: when n is not a multiple of the vector length, the last
     * vector's lanes past n read whatever follows and write garbage past the n-th value. Callers
     * leave a vector's slack after each output row and write rows in order, so the garbage lands
     * where a later write puts the right values or where nothing reads. (Masked vector
     * operations would do the same, but in Java 17 they are several times slower.)
     */
    static void combine(float[] src, int[] at, int base, float[][] coefficients, float[] out, int to, int step, int n) {
        int inputs = at.length;
        int a0 = base + at[0], a1 = base + at[1 % inputs], a2 = base + at[2 % inputs];
        int a3 = base + at[3 % inputs], a4 = base + at[4 % inputs], a5 = base + at[5 % inputs];
        float[][] c = coefficients;
        for (int i = 0; i < n; i += LANES) {
            FloatVector d0 = FloatVector.fromArray(SPECIES, src, a0 + i), d1 = FloatVector.fromArray(SPECIES, src, a1 + i);
            FloatVector d2 = FloatVector.fromArray(SPECIES, src, a2 + i), d3 = FloatVector.fromArray(SPECIES, src, a3 + i);
            FloatVector d4 = FloatVector.fromArray(SPECIES, src, a4 + i), d5 = FloatVector.fromArray(SPECIES, src, a5 + i);
            for (int o = 0; o < c.length; o++) {
                float[] row = c[o];
                d0.mul(row[0]).add(d1.mul(row[1])).add(d2.mul(row[2])).add(d3.mul(row[3])).add(d4.mul(row[4])).add(d5.mul(row[5]))
                        .intoArray(out, to + o * step + i);
            }
        }
    }
}
