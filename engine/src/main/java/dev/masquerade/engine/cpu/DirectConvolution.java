package dev.masquerade.engine.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The forward pass of stride-1 convolutions with at most {@value #MAX_FILTERS} filters, and
 * their weight gradient with at most {@value #MAX_WEIGHT_GRADIENT_FILTERS}, computed directly.
 * A decoder's last layer paints 3 colour
 * channels from 32: through im2col every image would be copied 25 times (a 5×5 kernel) and
 * the copy packed again, for a GEMM with only 3 rows: all memory traffic and little
 * arithmetic. (Their input gradient is a full convolution with the flipped kernel, see
 * {@link FloatConvolution}.)
 * <ul>
 *   <li>Forward: each image is copied once into a zero-padded buffer, so every kernel tap
 *       reads a plain shifted run of it. A block of {@value #BLOCK_VECTORS} output vectors stays
 *       in registers while all C·kH·kW taps are added into it: one load and one fused
 *       multiply-add per vector and tap, and the output is written once. (Adding one scaled
 *       row per tap into the output in memory measured no faster than the GEMM.)</li>
 *   <li>Weight gradient: w'[f, c, ky, kx] is a dot product, over images and output pixels,
 *       of the output gradient with the padded input shifted by the kernel tap. It uses the
 *       Vector API, since the JIT does not reorder a float sum.</li>
 * </ul>
 */
final class DirectConvolution {
    /**
     * Up to this many filters the forward pass is direct: a filter at a time, each tap of it one
     * load and one fused multiply-add per vector, about 120 GFLOP/s on this project's 2-core
     * machine whatever the filter count, where the GEMM, at 1 to 3 filters a sliver of 6 rows,
     * managed 58 with 10 filters (a 7×7 keypoint layer), 103 with 32 and 177 with 40.
     */
    static final int MAX_FILTERS = 16;
    /** Up to this many filters the weight gradient is direct too (its dot products lose to the GEMM sooner: with 10 filters 7.4 ms against the GEMM's 6.0). */
    static final int MAX_WEIGHT_GRADIENT_FILTERS = 4;
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Output vectors kept in registers at once: enough independent sums to keep both FMA units busy. */
    static final int BLOCK_VECTORS = 4;

    private final Im2col g;
    private final int filters;
    private final int batch;

    DirectConvolution(Im2col geometry, int filters, int batch) {
        this.g = geometry;
        this.filters = filters;
        this.batch = batch;
    }

    /** Whether this class computes the forward pass: few filters, stride 1, no dilation. */
    static boolean appliesToForward(Im2col g, int filters) {
        return filters <= MAX_FILTERS && g.g.strideH() == 1 && g.g.strideW() == 1 && g.g.dilationH() == 1 && g.g.dilationW() == 1;
    }

    /** Whether this class computes the weight gradient: fewer filters still. */
    static boolean appliesToWeightGradient(Im2col g, int filters) {
        return filters <= MAX_WEIGHT_GRADIENT_FILTERS && appliesToForward(g, filters);
    }

    private long work() {
        return (long) filters * g.rows() * g.cols();
    }

    /**
     * y[n, f, oy, ox] = Σ over c, ky, kx of w[f, c, ky, kx] · x[n, c, oy + ky − padH, ox + kx − padW].
     * The outputs are computed on the padded image's grid: output (oy, ox) sits at q = oy·Wp + ox
     * (Wp the padded width) and tap (c, ky, kx) reads the padded image at q plus a fixed shift,
     * so a whole plane is one flat run of blocks, whatever its width; the Wp − Wo columns past
     * each row's end are computed and dropped. (Row by row, a 16-pixel row fits no block of
     * {@value #BLOCK_VECTORS} vectors, and every pixel was added up one at a time.)
     */
    void forward(float[] x, int xOff, float[] w, int wOff, float[] y, int yOff) {
        int plane = g.outH * g.outW, taps = g.rows(), block = BLOCK_VECTORS * LANES;
        int grid = (g.outH * paddedWidth() + block - 1) / block * block;
        int[] shifts = tapShifts();
        int depth = VectorGemm.depthBlock(taps); // summed in the GEMM's blocks, so both round alike
        CpuThreads.parallelFor(batch, work(), (from, to) -> {
            // the last block reads up to a block past the padded image: zeros, in columns that are dropped
            float[] padded = new float[g.channels * paddedHeight() * paddedWidth() + block + g.kernelW];
            float[] sums = new float[grid];
            for (int n = from; n < to; n++) {
                pad(x, xOff, n, padded);
                for (int f = 0; f < filters; f++) {
                    for (int first = 0; first < taps; first += depth) {
                        for (int q = 0; q < grid; q += block) {
                            block(padded, q, shifts, first, Math.min(taps, first + depth), w, wOff + f * taps, sums, q, first > 0);
                        }
                    }
                    for (int oy = 0; oy < g.outH; oy++) {
                        System.arraycopy(sums, oy * paddedWidth(), y, yOff + (n * filters + f) * plane + oy * g.outW, g.outW);
                    }
                }
            }
        });
    }

    private int paddedHeight() {
        return g.height + 2 * g.g.padH();
    }

    private int paddedWidth() {
        return g.width + 2 * g.g.padW();
    }

    /** Where tap (c, ky, kx) reads in the padded image, relative to the output pixel's top-left corner. */
    private int[] tapShifts() {
        int[] shifts = new int[g.rows()];
        for (int c = 0, tap = 0; c < g.channels; c++) {
            for (int ky = 0; ky < g.kernelH; ky++) {
                for (int kx = 0; kx < g.kernelW; kx++) {
                    shifts[tap++] = (c * paddedHeight() + ky) * paddedWidth() + kx;
                }
            }
        }
        return shifts;
    }

    /** Copies image n into the middle of {@code padded}, whose zero border stays untouched between images. */
    private void pad(float[] x, int xOff, int n, float[] padded) {
        int image = g.channels * g.height * g.width;
        for (int c = 0; c < g.channels; c++) {
            for (int iy = 0; iy < g.height; iy++) {
                System.arraycopy(x, xOff + n * image + (c * g.height + iy) * g.width, padded,
                        (c * paddedHeight() + iy + g.g.padH()) * paddedWidth() + g.g.padW(), g.width);
            }
        }
    }

    /**
     * {@value #BLOCK_VECTORS} output vectors, each the sum over taps [from, to) of a weight
     * times the padded image shifted by the tap, added to what {@code y} holds when {@code add}.
     * One flat loop over the taps, like {@link VectorGemm}'s kernel: C2 keeps the sums in
     * registers through it (through loops nested over c, ky and kx it did not, and the block
     * ran 10× slower).
     */
    private static void block(float[] padded, int corner, int[] shifts, int from, int to, float[] w, int weights, float[] y, int out,
                              boolean add) {
        FloatVector s0 = FloatVector.zero(SPECIES), s1 = s0, s2 = s0, s3 = s0;
        for (int tap = from; tap < to; tap++) {
            FloatVector weight = FloatVector.broadcast(SPECIES, w[weights + tap]);
            int at = corner + shifts[tap];
            s0 = FloatVector.fromArray(SPECIES, padded, at).fma(weight, s0);
            s1 = FloatVector.fromArray(SPECIES, padded, at + LANES).fma(weight, s1);
            s2 = FloatVector.fromArray(SPECIES, padded, at + 2 * LANES).fma(weight, s2);
            s3 = FloatVector.fromArray(SPECIES, padded, at + 3 * LANES).fma(weight, s3);
        }
        if (add) {
            s0 = s0.add(FloatVector.fromArray(SPECIES, y, out));
            s1 = s1.add(FloatVector.fromArray(SPECIES, y, out + LANES));
            s2 = s2.add(FloatVector.fromArray(SPECIES, y, out + 2 * LANES));
            s3 = s3.add(FloatVector.fromArray(SPECIES, y, out + 3 * LANES));
        }
        s0.intoArray(y, out);
        s1.intoArray(y, out + LANES);
        s2.intoArray(y, out + 2 * LANES);
        s3.intoArray(y, out + 3 * LANES);
    }

    /**
     * The weight gradient [F, C·kH·kW]: w'[f, tap] = Σ over images and output pixels of
     * gy[n, f, oy, ox] · padded x[n] at the pixel's corner shifted by the tap. Each gradient
     * plane is first widened to the padded image's row length (zeros in the extra columns), so
     * that the sum over a whole plane is one flat dot product; per-thread partial sums over
     * images, then their total.
     */
    float[] backwardWeight(float[] x, int xOff, float[] gy, int gyOff) {
        int plane = g.outH * g.outW, taps = g.rows();
        int[] shifts = tapShifts();
        // The widened plane's last kW − 1 values are zero columns: leaving them out keeps the
        // last channel's reads inside the padded image.
        int length = g.outH * paddedWidth() - (g.kernelW - 1);
        float[] total = new float[filters * taps];
        CpuThreads.parallelFor(batch, work(), (from, to) -> {
            float[] padded = new float[g.channels * paddedHeight() * paddedWidth()];
            float[] widened = new float[g.outH * paddedWidth()];
            float[] partial = new float[total.length];
            for (int n = from; n < to; n++) {
                pad(x, xOff, n, padded);
                for (int f = 0; f < filters; f++) {
                    for (int oy = 0; oy < g.outH; oy++) {
                        System.arraycopy(gy, gyOff + (n * filters + f) * plane + oy * g.outW, widened, oy * paddedWidth(), g.outW);
                    }
                    for (int tap = 0; tap < taps; tap++) {
                        partial[f * taps + tap] += dot(widened, padded, shifts[tap], length);
                    }
                }
            }
            synchronized (total) {
                for (int j = 0; j < total.length; j++) {
                    total[j] += partial[j];
                }
            }
        });
        return total;
    }

    /**
     * Σ a[i] · b[shift + i] for i < n, in one flat loop: C2 keeps vector sums in registers only
     * through a single loop (carried through nested loops they were about 10× slower). Two
     * sums alternate, so one fused multiply-add need not wait for the previous one.
     */
    private static float dot(float[] a, float[] b, int shift, int n) {
        FloatVector even = FloatVector.zero(SPECIES), odd = even;
        int i = 0;
        for (; i + 2 * LANES <= n; i += 2 * LANES) {
            even = FloatVector.fromArray(SPECIES, a, i).fma(FloatVector.fromArray(SPECIES, b, shift + i), even);
            odd = FloatVector.fromArray(SPECIES, a, i + LANES).fma(FloatVector.fromArray(SPECIES, b, shift + i + LANES), odd);
        }
        float sum = even.add(odd).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            sum += a[i] * b[shift + i];
        }
        return sum;
    }
}
