package dev.masquerade.engine.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The weight gradient of stride-1 convolutions with at most {@value #MAX_FILTERS} filters,
 * computed directly. A decoder's last layer paints 3 colour channels from 32: through
 * im2col its weight gradient would copy every image 25 times (a 5×5 kernel) and pack the
 * copy again, for a GEMM with only 3 rows: all memory traffic and little arithmetic.
 * Directly, w'[f, c, ky, kx] is a sum over images and output rows of dot products of an
 * output-gradient row with the input row shifted by the kernel tap; the dot products use
 * the Vector API, since the JIT does not reorder a float sum. (Their forward pass stays on
 * the GEMM: a direct version, one scaled row added to a row per tap, measured no faster.
 * Their input gradient is a full convolution with the flipped kernel, see
 * {@link FloatConvolution}.)
 */
final class DirectConvolution {
    static final int MAX_FILTERS = 4;
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private final Im2col g;
    private final int filters;
    private final int batch;

    DirectConvolution(Im2col geometry, int filters, int batch) {
        this.g = geometry;
        this.filters = filters;
        this.batch = batch;
    }

    /** Whether this class computes the weight gradient: few filters, stride 1, no dilation. */
    static boolean applies(Im2col g, int filters) {
        return filters <= MAX_FILTERS && g.g.strideH() == 1 && g.g.strideW() == 1 && g.g.dilationH() == 1 && g.g.dilationW() == 1;
    }

    private long work() {
        return (long) filters * g.rows() * g.cols();
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
