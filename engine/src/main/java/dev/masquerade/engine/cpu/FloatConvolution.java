package dev.masquerade.engine.cpu;

import java.util.Arrays;

/**
 * The fast float32 convolutions: im2col (or, for 1×1 kernels, the image itself) feeding
 * {@link VectorGemm}, parallel over the images of the batch. The reference path is the
 * double-precision code in {@link CpuBackend} with {@link Im2col#im2col}; the property tests
 * check that both agree.
 *
 * <p>With the im2col matrix X̂ [C·kH·kW, Ho·Wo] of one image and the weight W [F, C·kH·kW]:
 * forward Y = W·X̂; input gradient X̂' = Wᵀ·G folded back by col2im; weight gradient
 * W' = Σ G·X̂ᵀ over the batch. The transposes are strides handed to the GEMM, never copies.
 */
final class FloatConvolution {
    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

    private final Im2col g;
    private final int filters;
    private final int batch;

    FloatConvolution(Im2col geometry, int filters, int batch) {
        this.g = geometry;
        this.filters = filters;
        this.batch = batch;
    }

    private int imageSize() {
        return g.channels * g.height * g.width;
    }

    /** A 1×1 kernel with unit stride and no padding needs no im2col: the image is the matrix. */
    private boolean pointwise() {
        return g.kernelH == 1 && g.kernelW == 1 && g.g.strideH() == 1 && g.g.strideW() == 1 && g.g.padH() == 0 && g.g.padW() == 0;
    }

    void forward(float[] x, int xOff, float[] w, int wOff, float[] y, int yOff) {
        int rows = g.rows(), pixels = g.cols();
        CpuThreads.parallelFor(batch, (long) filters * rows * pixels, (from, to) -> {
            for (int i = from; i < to; i++) {
                Columns cols = columns(x, xOff + i * imageSize());
                VectorGemm.multiply(filters, pixels, rows, w, wOff, rows, 1, cols.data, cols.offset, pixels, 1, y, yOff + i * filters * pixels, pixels, false);
            }
        });
    }

    void backwardInput(float[] gy, int gyOff, float[] w, int wOff, float[] gx, int gxOff) {
        int rows = g.rows(), pixels = g.cols();
        CpuThreads.parallelFor(batch, (long) filters * rows * pixels, (from, to) -> {
            for (int i = from; i < to; i++) {
                int image = gxOff + i * imageSize();
                if (pointwise()) {
                    VectorGemm.multiply(rows, pixels, filters, w, wOff, 1, rows, gy, gyOff + i * filters * pixels, pixels, 1, gx, image, pixels, false);
                } else {
                    float[] cols = scratch(rows * pixels);
                    VectorGemm.multiply(rows, pixels, filters, w, wOff, 1, rows, gy, gyOff + i * filters * pixels, pixels, 1, cols, 0, pixels, false);
                    Arrays.fill(gx, image, image + imageSize(), 0f);
                    col2im(cols, gx, image);
                }
            }
        });
    }

    /** Returns the weight gradient [F, C·kH·kW]: per-thread partial sums over images, then their total. */
    float[] backwardWeight(float[] x, int xOff, float[] gy, int gyOff) {
        int rows = g.rows(), pixels = g.cols();
        float[] total = new float[filters * rows];
        CpuThreads.parallelFor(batch, (long) filters * rows * pixels, (from, to) -> {
            float[] partial = new float[filters * rows];
            for (int i = from; i < to; i++) {
                Columns cols = columns(x, xOff + i * imageSize());
                VectorGemm.multiply(filters, rows, pixels, gy, gyOff + i * filters * pixels, pixels, 1, cols.data, cols.offset, 1, pixels, partial, 0, rows, true);
            }
            synchronized (total) {
                for (int j = 0; j < total.length; j++) {
                    total[j] += partial[j];
                }
            }
        });
        return total;
    }

    /** Where the im2col matrix of one image lies. */
    private record Columns(float[] data, int offset) {
    }

    /** The im2col matrix of the image at x[offset..]: the image itself for a pointwise kernel, else this thread's scratch. */
    private Columns columns(float[] x, int offset) {
        if (pointwise()) {
            return new Columns(x, offset);
        }
        float[] cols = scratch(g.rows() * g.cols());
        im2col(x, offset, cols);
        return new Columns(cols, 0);
    }

    /**
     * im2col by runs: for each (channel, kernel tap, output row) the valid output columns form
     * one range [lo, hi), copied in a block (a plain array copy when the stride is 1); the
     * columns that fall on padding are zero.
     */
    void im2col(float[] image, int off, float[] cols) {
        walk(image, off, cols, false);
    }

    /** The adjoint of {@link #im2col}: adds each column back where it was read from. */
    void col2im(float[] cols, float[] image, int off) {
        walk(image, off, cols, true);
    }

    private void walk(float[] image, int off, float[] cols, boolean backToImage) {
        int outH = g.outH, outW = g.outW, sw = g.g.strideW();
        for (int c = 0; c < g.channels; c++) {
            for (int ky = 0; ky < g.kernelH; ky++) {
                for (int kx = 0; kx < g.kernelW; kx++) {
                    int shift = kx * g.g.dilationW() - g.g.padW();          // ix = ox·sw + shift
                    int lo = Math.max(0, Math.floorDiv(-shift + sw - 1, sw));
                    int hi = Math.min(outW, Math.floorDiv(g.width - 1 - shift, sw) + 1);
                    int rowBase = ((c * g.kernelH + ky) * g.kernelW + kx) * outH * outW;
                    for (int oy = 0; oy < outH; oy++) {
                        int iy = oy * g.g.strideH() - g.g.padH() + ky * g.g.dilationH();
                        int dst = rowBase + oy * outW;
                        boolean inside = iy >= 0 && iy < g.height && lo < hi;
                        if (backToImage) {
                            if (inside) {
                                int src = off + (c * g.height + iy) * g.width + shift;
                                for (int ox = lo; ox < hi; ox++) {
                                    image[src + ox * sw] += cols[dst + ox];
                                }
                            }
                            continue;
                        }
                        if (!inside) {
                            Arrays.fill(cols, dst, dst + outW, 0f);
                            continue;
                        }
                        Arrays.fill(cols, dst, dst + lo, 0f);
                        Arrays.fill(cols, dst + hi, dst + outW, 0f);
                        int src = off + (c * g.height + iy) * g.width + shift;
                        if (sw == 1) {
                            System.arraycopy(image, src + lo, cols, dst + lo, hi - lo);
                        } else {
                            for (int ox = lo; ox < hi; ox++) {
                                cols[dst + ox] = image[src + ox * sw];
                            }
                        }
                    }
                }
            }
        }
    }

    /** This thread's reusable buffer of at least n floats. */
    private static float[] scratch(int n) {
        float[] buffer = SCRATCH.get();
        if (buffer.length < n) {
            buffer = new float[n];
            SCRATCH.set(buffer);
        }
        return buffer;
    }
}
