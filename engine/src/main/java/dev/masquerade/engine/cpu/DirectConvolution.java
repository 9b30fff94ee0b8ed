package dev.masquerade.engine.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The forward pass and the weight gradient of stride-1 convolutions with at most
 * {@value #MAX_FILTERS} filters, computed directly. A decoder's last layer paints 3 colour
 * channels from 32: through im2col every image would be copied 25 times (a 5×5 kernel) and
 * the copy packed again, for a GEMM with only 3 rows: all memory traffic and little
 * arithmetic. (Their input gradient is a full convolution with the flipped kernel, see
 * {@link FloatConvolution}.)
 * <ul>
 *   <li>Forward: each image is copied once into a zero-padded buffer, so every kernel tap
 *       reads a plain shifted row. A block of {@value #BLOCK_VECTORS} output vectors stays
 *       in registers while all C·kH·kW taps are added into it: one load and one fused
 *       multiply-add per vector and tap, and the output is written once. (Adding one scaled
 *       row per tap into the output in memory measured no faster than the GEMM.)</li>
 *   <li>Weight gradient: w'[f, c, ky, kx] is a sum over images and output rows of dot
 *       products of an output-gradient row with the input row shifted by the kernel tap;
 *       the dot products use the Vector API, since the JIT does not reorder a float sum.</li>
 * </ul>
 */
final class DirectConvolution {
    static final int MAX_FILTERS = 4;
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

    /** Whether this class computes the forward pass and the weight gradient: few filters, stride 1, no dilation. */
    static boolean applies(Im2col g, int filters) {
        return filters <= MAX_FILTERS && g.g.strideH() == 1 && g.g.strideW() == 1 && g.g.dilationH() == 1 && g.g.dilationW() == 1;
    }

    private long work() {
        return (long) filters * g.rows() * g.cols();
    }

    /** y[n, f, oy, ox] = Σ over c, ky, kx of w[f, c, ky, kx] · x[n, c, oy + ky − padH, ox + kx − padW]. */
    void forward(float[] x, int xOff, float[] w, int wOff, float[] y, int yOff) {
        int paddedH = g.height + 2 * g.g.padH(), paddedW = g.width + 2 * g.g.padW();
        int plane = g.outH * g.outW, image = g.channels * g.height * g.width, taps = g.rows();
        int[] shifts = new int[taps]; // where tap (c, ky, kx) reads, relative to the output pixel's corner
        for (int c = 0, tap = 0; c < g.channels; c++) {
            for (int ky = 0; ky < g.kernelH; ky++) {
                for (int kx = 0; kx < g.kernelW; kx++) {
                    shifts[tap++] = (c * paddedH + ky) * paddedW + kx;
                }
            }
        }
        CpuThreads.parallelFor(batch, work(), (from, to) -> {
            float[] padded = new float[g.channels * paddedH * paddedW];
            for (int n = from; n < to; n++) {
                for (int c = 0; c < g.channels; c++) {
                    for (int iy = 0; iy < g.height; iy++) {
                        System.arraycopy(x, xOff + n * image + (c * g.height + iy) * g.width, padded,
                                (c * paddedH + iy + g.g.padH()) * paddedW + g.g.padW(), g.width);
                    }
                }
                for (int f = 0; f < filters; f++) {
                    int weights = wOff + f * taps;
                    for (int oy = 0; oy < g.outH; oy++) {
                        int out = yOff + (n * filters + f) * plane + oy * g.outW;
                        int corner = oy * paddedW;
                        int ox = 0;
                        for (; ox + BLOCK_VECTORS * LANES <= g.outW; ox += BLOCK_VECTORS * LANES) {
                            block(padded, corner + ox, shifts, w, weights, y, out + ox);
                        }
                        for (; ox < g.outW; ox++) {
                            y[out + ox] = point(padded, corner + ox, shifts, w, weights);
                        }
                    }
                }
            }
        });
    }

    /**
     * {@value #BLOCK_VECTORS} vectors of one output row, each the sum over all taps of a weight
     * times a shifted input row. One flat loop over the taps, like {@link VectorGemm}'s kernel:
     * C2 keeps the sums in registers through it.
     */
    private static void block(float[] padded, int corner, int[] shifts, float[] w, int weights, float[] y, int out) {
        FloatVector s0 = FloatVector.zero(SPECIES), s1 = s0, s2 = s0, s3 = s0;
        for (int tap = 0; tap < shifts.length; tap++) {
            FloatVector weight = FloatVector.broadcast(SPECIES, w[weights + tap]);
            int at = corner + shifts[tap];
            s0 = FloatVector.fromArray(SPECIES, padded, at).fma(weight, s0);
            s1 = FloatVector.fromArray(SPECIES, padded, at + LANES).fma(weight, s1);
            s2 = FloatVector.fromArray(SPECIES, padded, at + 2 * LANES).fma(weight, s2);
            s3 = FloatVector.fromArray(SPECIES, padded, at + 3 * LANES).fma(weight, s3);
        }
        s0.intoArray(y, out);
        s1.intoArray(y, out + LANES);
        s2.intoArray(y, out + 2 * LANES);
        s3.intoArray(y, out + 3 * LANES);
    }

    /** One output value (the row's last few, which do not fill a block). */
    private static float point(float[] padded, int corner, int[] shifts, float[] w, int weights) {
        float sum = 0;
        for (int tap = 0; tap < shifts.length; tap++) {
            sum += w[weights + tap] * padded[corner + shifts[tap]];
        }
        return sum;
    }

    /** The weight gradient [F, C·kH·kW]: per-thread partial sums over images, then their total. */
    float[] backwardWeight(float[] x, int xOff, float[] gy, int gyOff) {
        int plane = g.outH * g.outW, image = g.channels * g.height * g.width, taps = g.kernelH * g.kernelW;
        float[] total = new float[filters * g.channels * taps];
        CpuThreads.parallelFor(batch, work(), (from, to) -> {
            float[] partial = new float[total.length];
            for (int n = from; n < to; n++) {
                for (int f = 0; f < filters; f++) {
                    int grad = gyOff + (n * filters + f) * plane;
                    for (int c = 0; c < g.channels; c++) {
                        int in = xOff + n * image + c * g.height * g.width;
                        for (int ky = 0; ky < g.kernelH; ky++) {
                            for (int kx = 0; kx < g.kernelW; kx++) {
                                int shift = kx - g.g.padW();
                                int lo = Math.max(0, -shift), hi = Math.min(g.outW, g.width - shift);
                                float sum = 0;
                                for (int oy = 0; oy < g.outH; oy++) {
                                    int iy = oy + ky - g.g.padH();
                                    if (iy >= 0 && iy < g.height && lo < hi) {
                                        sum += dot(gy, grad + oy * g.outW + lo, x, in + iy * g.width + shift + lo, hi - lo);
                                    }
                                }
                                partial[(f * g.channels + c) * taps + ky * g.kernelW + kx] += sum;
                            }
                        }
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

    /** Σ a[ai + i]·b[bi + i] for i < n. */
    private static float dot(float[] a, int ai, float[] b, int bi, int n) {
        FloatVector acc = FloatVector.zero(SPECIES);
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += SPECIES.length()) {
            acc = FloatVector.fromArray(SPECIES, a, ai + i).fma(FloatVector.fromArray(SPECIES, b, bi + i), acc);
        }
        float sum = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            sum += a[ai + i] * b[bi + i];
        }
        return sum;
    }
}
