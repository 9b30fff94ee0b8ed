package dev.masquerade.engine.cpu;

import dev.masquerade.engine.backend.Conv2dGeometry;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Depthwise convolution on the CPU, directly: each output plane is one input plane correlated
 * with one small filter, 9 products per pixel for a 3×3 kernel, too little work per plane for
 * im2col and a matrix product to pay. Row-major double arrays in and out (the backends read and
 * write the strided tensors); the work is split over planes, so that no two threads write one
 * value.
 *
 * <p>Shapes: x [N, C, H, W], weight [C·m, 1, kH, kW], y [N, C·m, Ho, Wo]; output channel
 * o = c·m + j reads input channel c = o / m.
 */
final class DepthwiseKernels {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private final int batch, channels, height, width, multiplier, kernelH, kernelW, outH, outW;
    private final Conv2dGeometry g;

    DepthwiseKernels(int[] inputShape, int[] weightShape, Conv2dGeometry g) {
        this.batch = inputShape[0];
        this.channels = inputShape[1];
        this.height = inputShape[2];
        this.width = inputShape[3];
        this.multiplier = weightShape[0] / channels;
        this.kernelH = weightShape[2];
        this.kernelW = weightShape[3];
        this.g = g;
        this.outH = g.outputHeight(height, kernelH);
        this.outW = g.outputWidth(width, kernelW);
    }

    private long workPerPlane() {
        return (long) outH * outW * kernelH * kernelW;
    }

    /**
     * y[n, o, oy, ox] = Σ over ky, kx of w[o, ky, kx] · x[n, o / m, oy·s − p + ky·d, ox·s − p + kx·d]
     * (zero outside). Each input plane is first copied into a zero-bordered buffer, so the loops
     * need no bounds checks: tap (ky, kx) of output pixel (oy, ox) reads the buffer at the
     * pixel's corner plus a fixed shift. At stride 1 neighbouring outputs read neighbouring
     * values, so a vector of outputs is a sum of shifted vectors times one weight each, kept in
     * a register over all the taps (the Vector API: the JIT alone did not vectorise it).
     */
    double[] forward(double[] x, double[] w) {
        int filters = channels * multiplier, taps = kernelH * kernelW;
        int paddedH = height + 2 * g.padH(), paddedW = width + 2 * g.padW();
        int[] shifts = new int[taps];
        for (int tap = 0; tap < taps; tap++) {
            shifts[tap] = tap / kernelW * g.dilationH() * paddedW + tap % kernelW * g.dilationW();
        }
        double[] y = new double[batch * filters * outH * outW];
        CpuThreads.parallelFor(batch * filters, workPerPlane(), (from, to) -> {
            double[] padded = new double[paddedH * paddedW];
            for (int plane = from; plane < to; plane++) {
                int o = plane % filters, in = (plane / filters * channels + o / multiplier) * height * width, out = plane * outH * outW;
                for (int iy = 0; iy < height; iy++) {
                    System.arraycopy(x, in + iy * width, padded, (iy + g.padH()) * paddedW + g.padW(), width);
                }
                for (int oy = 0; oy < outH; oy++) {
                    int corner = oy * g.strideH() * paddedW, ox = 0;
                    if (g.strideW() == 1) {
                        for (; ox + LANES <= outW; ox += LANES) {
                            DoubleVector sum = DoubleVector.zero(SPECIES);
                            for (int tap = 0; tap < taps; tap++) {
                                sum = DoubleVector.fromArray(SPECIES, padded, corner + ox + shifts[tap]).fma(DoubleVector.broadcast(SPECIES, w[o * taps + tap]), sum);
                            }
                            sum.intoArray(y, out + oy * outW + ox);
                        }
                    }
                    for (; ox < outW; ox++) {
                        double sum = 0;
                        for (int tap = 0; tap < taps; tap++) {
                            sum += w[o * taps + tap] * padded[corner + ox * g.strideW() + shifts[tap]];
                        }
                        y[out + oy * outW + ox] = sum;
                    }
                }
            }
        });
        return y;
    }

    /** dL/dx: each output gradient flows back, times its tap's weight, to the input pixel the tap read. */
    double[] backwardInput(double[] gy, double[] w) {
        double[] gx = new double[batch * channels * height * width];
        CpuThreads.parallelFor(batch * channels, workPerPlane() * multiplier, (from, to) -> {
            for (int plane = from; plane < to; plane++) { // an input plane (n, c) and its m output planes
                // BEGIN SOLUTION task-7.1: the input gradient of plane (n, c): for each of the channel's m filters, every output gradient times each tap's weight, added to the input pixel that tap read (taps outside the image read nothing) (see tutorials/20-face-networks.md)
                int in = plane * height * width, c = plane % channels;
                for (int j = 0; j < multiplier; j++) {
                    int o = c * multiplier + j, out = ((plane / channels) * channels * multiplier + o) * outH * outW;
                    for (int oy = 0; oy < outH; oy++) {
                        for (int ox = 0; ox < outW; ox++) {
                            double grad = gy[out + oy * outW + ox];
                            for (int ky = 0; ky < kernelH; ky++) {
                                int iy = oy * g.strideH() - g.padH() + ky * g.dilationH();
                                if (iy < 0 || iy >= height) {
                                    continue;
                                }
                                for (int kx = 0; kx < kernelW; kx++) {
                                    int ix = ox * g.strideW() - g.padW() + kx * g.dilationW();
                                    if (ix >= 0 && ix < width) {
                                        gx[in + iy * width + ix] += grad * w[(o * kernelH + ky) * kernelW + kx];
                                    }
                                }
                            }
                        }
                    }
                }
                // END SOLUTION
            }
        });
        return gx;
    }

    /** dL/dw[o, ky, kx] = Σ over images and output pixels of gy[n, o, oy, ox] · the input the tap read. */
    double[] backwardWeight(double[] x, double[] gy) {
        int filters = channels * multiplier;
        double[] gw = new double[filters * kernelH * kernelW];
        CpuThreads.parallelFor(filters, workPerPlane() * batch, (from, to) -> {
            for (int o = from; o < to; o++) {
                // BEGIN SOLUTION task-7.2: the weight gradient of filter o: for each tap, the sum over images and output pixels of the output gradient times the input pixel the tap read (see tutorials/20-face-networks.md)
                for (int n = 0; n < batch; n++) {
                    int in = (n * channels + o / multiplier) * height * width, out = (n * filters + o) * outH * outW;
                    for (int ky = 0; ky < kernelH; ky++) {
                        for (int kx = 0; kx < kernelW; kx++) {
                            double sum = 0;
                            for (int oy = 0; oy < outH; oy++) {
                                int iy = oy * g.strideH() - g.padH() + ky * g.dilationH();
                                if (iy < 0 || iy >= height) {
                                    continue;
                                }
                                for (int ox = 0; ox < outW; ox++) {
                                    int ix = ox * g.strideW() - g.padW() + kx * g.dilationW();
                                    if (ix >= 0 && ix < width) {
                                        sum += gy[out + oy * outW + ox] * x[in + iy * width + ix];
                                    }
                                }
                            }
                            gw[(o * kernelH + ky) * kernelW + kx] += sum;
                        }
                    }
                }
                // END SOLUTION
            }
        });
        return gw;
    }
}
