package dev.masquerade.engine.cpu;

import java.util.Arrays;

/**
 * Convolutions of one input channel with one filter, image plane by image plane: pooling
 * written as a convolution ({@code Pooling.avgPool2d} convolves every plane with a constant
 * 2×2 kernel, and upsampling's gradient is that pooling). Through the GEMM such a product is
 * one row tall, so each packed value would serve a single multiply-add, and packing cost a
 * hundred times the arithmetic; these loops visit each output pixel's taps directly. They add
 * in the GEMM's order, with fused multiply-adds, so the forward pass and the input gradient
 * round exactly as the GEMM path did.
 */
final class PlaneConvolution {
    private final Im2col g;
    private final int planes;

    PlaneConvolution(Im2col geometry, int planes) {
        this.g = geometry;
        this.planes = planes;
    }

    /** Whether this class applies: one channel in, one filter. */
    static boolean applies(Im2col g, int filters) {
        return g.channels == 1 && filters == 1;
    }

    private int inputPlane() {
        return g.height * g.width;
    }

    private int outputPlane() {
        return g.outH * g.outW;
    }

    /** The input row that tap row ky sees from output row oy (outside [0, height) on the padding). */
    private int inputRow(int oy, int ky) {
        return oy * g.g.strideH() - g.g.padH() + ky * g.g.dilationH();
    }

    private int inputColumn(int ox, int kx) {
        return ox * g.g.strideW() - g.g.padW() + kx * g.g.dilationW();
    }

    /** y[n, oy, ox] = Σ over taps of w[ky, kx] · x[n, iy, ix]. */
    void forward(float[] x, int xOff, float[] w, int wOff, float[] y, int yOff) {
        boolean unpadded = g.g.padH() == 0 && g.g.padW() == 0;
        CpuThreads.parallelFor(planes, (long) outputPlane() * g.rows(), (from, to) -> {
            float[] row = new float[g.outW];
            for (int n = from; n < to; n++) {
                int image = xOff + n * inputPlane();
                for (int oy = 0; oy < g.outH; oy++) {
                    if (unpadded) {
                        unpaddedRow(x, image, oy, w, wOff, row);
                        System.arraycopy(row, 0, y, yOff + n * outputPlane() + oy * g.outW, g.outW);
                        continue;
                    }
                    for (int ox = 0; ox < g.outW; ox++) {
                        float sum = 0;
                        for (int ky = 0; ky < g.kernelH; ky++) {
                            int iy = inputRow(oy, ky);
                            for (int kx = 0; kx < g.kernelW; kx++) {
                                int ix = inputColumn(ox, kx);
                                if (iy >= 0 && iy < g.height && ix >= 0 && ix < g.width) {
                                    sum = Math.fma(w[wOff + ky * g.kernelW + kx], x[image + iy * g.width + ix], sum);
                                }
                            }
                        }
                        y[yOff + n * outputPlane() + oy * g.outW + ox] = sum;
                    }
                }
            }
        });
    }

    /**
     * Output row oy of an unpadded convolution (pooling's case), where every tap of every output
     * pixel lies inside the image: tap by tap, each a multiply-add of a whole row of outputs,
     * with no bounds test per pixel (pixel by pixel the tests and index arithmetic had made
     * pooling a tenth of the motion model's convolution time). Each output still adds its taps
     * in the same order, so the sums round as before.
     */
    private void unpaddedRow(float[] x, int image, int oy, float[] w, int wOff, float[] row) {
        Arrays.fill(row, 0f);
        int sw = g.g.strideW();
        for (int ky = 0; ky < g.kernelH; ky++) {
            for (int kx = 0; kx < g.kernelW; kx++) {
                float weight = w[wOff + ky * g.kernelW + kx];
                int src = image + inputRow(oy, ky) * g.width + inputColumn(0, kx);
                for (int ox = 0; ox < row.length; ox++) {
                    row[ox] = Math.fma(weight, x[src + ox * sw], row[ox]);
                }
            }
        }
    }

    /** gx[n, iy, ix] = Σ over the (output pixel, tap) pairs that read it of gy[n, oy, ox] · w[ky, kx]. */
    void backwardInput(float[] gy, int gyOff, float[] w, int wOff, float[] gx, int gxOff) {
        CpuThreads.parallelFor(planes, (long) outputPlane() * g.rows(), (from, to) -> {
            for (int n = from; n < to; n++) {
                int image = gxOff + n * inputPlane();
                Arrays.fill(gx, image, image + inputPlane(), 0f);
                for (int ky = 0; ky < g.kernelH; ky++) {
                    for (int kx = 0; kx < g.kernelW; kx++) {
                        float weight = w[wOff + ky * g.kernelW + kx];
                        for (int oy = 0; oy < g.outH; oy++) {
                            int iy = inputRow(oy, ky);
                            for (int ox = 0; ox < g.outW && iy >= 0 && iy < g.height; ox++) {
                                int ix = inputColumn(ox, kx);
                                if (ix >= 0 && ix < g.width) {
                                    gx[image + iy * g.width + ix] += weight * gy[gyOff + n * outputPlane() + oy * g.outW + ox];
                                }
                            }
                        }
                    }
                }
            }
        });
    }

    /** w'[ky, kx] = Σ over planes and output pixels of gy[n, oy, ox] · x[n, iy, ix]. */
    float[] backwardWeight(float[] x, int xOff, float[] gy, int gyOff) {
        float[] total = new float[g.rows()];
        CpuThreads.parallelFor(planes, (long) outputPlane() * g.rows(), (from, to) -> {
            float[] partial = new float[total.length];
            for (int n = from; n < to; n++) {
                for (int ky = 0; ky < g.kernelH; ky++) {
                    for (int kx = 0; kx < g.kernelW; kx++) {
                        float sum = partial[ky * g.kernelW + kx];
                        for (int oy = 0; oy < g.outH; oy++) {
                            int iy = inputRow(oy, ky);
                            for (int ox = 0; ox < g.outW && iy >= 0 && iy < g.height; ox++) {
                                int ix = inputColumn(ox, kx);
                                if (ix >= 0 && ix < g.width) {
                                    sum = Math.fma(gy[gyOff + n * outputPlane() + oy * g.outW + ox], x[xOff + n * inputPlane() + iy * g.width + ix], sum);
                                }
                            }
                        }
                        partial[ky * g.kernelW + kx] = sum;
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
}
