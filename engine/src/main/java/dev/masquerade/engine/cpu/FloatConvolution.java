package dev.masquerade.engine.cpu;

import dev.masquerade.engine.backend.Conv2dGeometry;
import java.util.Arrays;

/**
 * The fast float32 convolutions: im2col (or, for 1×1 kernels, the image itself) feeding
 * {@link VectorGemm}. The reference path is the double-precision code in {@link ReferenceCpuBackend}
 * with {@link Im2col#im2col}; the property tests check that both agree.
 *
 * <p>With the im2col matrix X̂ [C·kH·kW, Ho·Wo] of one image and the weight W [F, C·kH·kW]:
 * forward Y = W·X̂; input gradient X̂' = Wᵀ·G folded back by col2im (for stride 1, a
 * convolution of G instead, see {@link #inputGradientIsAConvolution}); weight gradient
 * W' = Σ G·X̂ᵀ over the batch. The transposes are strides handed to the GEMM, never copies.
 *
 * <p>Small feature maps (the 4×4 and 8×8 layers deep in an encoder) make thin products: a
 * 1024×4608 weight times a 4608×16 matrix spends its time packing the weight, not
 * multiplying. So images go to the GEMM in groups whose im2col matrices sit side by side,
 * X̂ = [X̂₁ X̂₂ …], until the product has at least {@value #TARGET_COLUMNS} columns; the
 * weight is then packed once per group. Large maps go one image at a time, in parallel.
 * Layers with very few filters skip the GEMM ({@link DirectConvolution}), and so do
 * single-plane convolutions, pooling among them ({@link PlaneConvolution}); 3×3 stride-1
 * layers with at least 32 channels and filters and enough pixels run by Winograd's algorithm
 * ({@link WinogradConvolution}).
 * Only col2im, for strided layers' input gradient, still writes a whole im2col matrix: every
 * other product packs its panels straight from the images ({@link Im2colPanel}).
 */
final class FloatConvolution {
    /** Columns a grouped product should reach. */
    static final int TARGET_COLUMNS = 1024;

    private final Im2col g;
    private final int filters;
    private final int batch;
    private final int group;

    FloatConvolution(Im2col geometry, int filters, int batch) {
        this.g = geometry;
        this.filters = filters;
        this.batch = batch;
        this.group = Math.min(batch, Math.max(1, (TARGET_COLUMNS + geometry.cols() - 1) / geometry.cols()));
    }

    private int imageSize() {
        return g.channels * g.height * g.width;
    }

    /** A 1×1 kernel with unit stride and no padding needs no im2col: the image is the matrix. */
    private boolean pointwise() {
        return g.kernelH == 1 && g.kernelW == 1 && g.g.strideH() == 1 && g.g.strideW() == 1 && g.g.padH() == 0 && g.g.padW() == 0;
    }

    /** Runs body(first image, image count) for each group, the groups in parallel. */
    private void eachGroup(GroupBody body) {
        int groups = (batch + group - 1) / group;
        CpuThreads.parallelFor(groups, (long) filters * g.rows() * g.cols() * group, (from, to) -> {
            for (int i = from; i < to; i++) {
                body.run(i * group, Math.min(group, batch - i * group));
            }
        });
    }

    private interface GroupBody {
        void run(int first, int count);
    }

    void forward(float[] x, int xOff, float[] w, int wOff, float[] y, int yOff) {
        if (DirectConvolution.appliesToForward(g, filters)) {
            new DirectConvolution(g, filters, batch).forward(x, xOff, w, wOff, y, yOff);
            return;
        }
        if (PlaneConvolution.applies(g, filters)) {
            new PlaneConvolution(g, batch).forward(x, xOff, w, wOff, y, yOff);
            return;
        }
        if (WinogradConvolution.applies(g, filters, batch)) {
            new WinogradConvolution(WinogradTransform.DEFAULT, g, filters, batch).forward(x, xOff, w, wOff, y, yOff);
            return;
        }
        int rows = g.rows(), pixels = g.cols();
        eachGroup((first, count) -> {
            VectorGemm.PanelSource columns = columns(x, xOff, first, count, false);
            int outputs = yOff + first * filters * pixels;
            if (count == 1) {
                VectorGemm.multiply(filters, pixels, rows, w, wOff, rows, 1, columns, y, outputs, pixels, false);
            } else {
                float[] grouped = Scratch.get(Scratch.GROUPED, filters * count * pixels);
                VectorGemm.multiply(filters, count * pixels, rows, w, wOff, rows, 1, columns, grouped, 0, count * pixels, false);
                regroup(grouped, y, outputs, count, pixels, false);
            }
        });
    }

    void backwardInput(float[] gy, int gyOff, float[] w, int wOff, float[] gx, int gxOff) {
        if (PlaneConvolution.applies(g, filters)) {
            new PlaneConvolution(g, batch).backwardInput(gy, gyOff, w, wOff, gx, gxOff);
            return;
        }
        if (inputGradientIsAConvolution()) {
            fullConvolutionOfGradient().forward(gy, gyOff, flippedTransposed(w, wOff), 0, gx, gxOff);
            return;
        }
        int rows = g.rows(), pixels = g.cols();
        eachGroup((first, count) -> {
            Matrix gradient = outputGradient(gy, gyOff, first, count);
            int images = gxOff + first * imageSize();
            if (pointwise() && count == 1) {
                VectorGemm.multiply(rows, pixels, filters, w, wOff, 1, rows, gradient.data, gradient.offset, pixels, 1, gx, images, pixels, false);
                return;
            }
            float[] cols = Scratch.get(Scratch.COLUMNS, rows * gradient.width);
            VectorGemm.multiply(rows, gradient.width, filters, w, wOff, 1, rows, gradient.data, gradient.offset, gradient.width, 1,
                    cols, 0, gradient.width, false);
            Arrays.fill(gx, images, images + count * imageSize(), 0f);
            for (int j = 0; j < count; j++) {
                addColumnsBack(gx, images + j * imageSize(), cols, j * pixels, gradient.width);
            }
        });
    }

    /**
     * With stride 1 and no dilation, the input gradient is itself a convolution: the output
     * gradient, padded by k − 1 − p, correlated with the kernel flipped in both axes and with
     * its two channel axes swapped. For 3×3 kernels that convolution runs by Winograd's
     * algorithm ({@link WinogradConvolution}), 2.25 times fewer multiply-adds than Wᵀ·G. Otherwise
     * the route packs the F-channel gradient's im2col panels straight from the gradient
     * ({@link Im2colPanel}) instead of col2im-ing a C·kH·kW-row matrix, so it wins when there
     * are fewer filters than channels (a decoder's last layer: 3 filters). With more filters
     * than channels its product is F·kH·kW deep against F for Wᵀ·G: C is read and written once
     * per depth block, and that costs more than col2im (measured: 17 ms against 11 ms for
     * 512 → 1024 channels at 4×4), unless the gradient's convolution has so few output
     * channels that it runs directly ({@link DirectConvolution}): a 7×7 layer of 35 → 40
     * channels at 32×32 took 7.5-8 ms by col2im, about 5 ms so.
     */
    private boolean inputGradientIsAConvolution() {
        Conv2dGeometry geometry = g.g;
        boolean unitSteps = geometry.strideH() == 1 && geometry.strideW() == 1 && geometry.dilationH() == 1 && geometry.dilationW() == 1;
        return WinogradConvolution.applies(g, filters, batch) || unitSteps && geometry.padH() < g.kernelH && geometry.padW() < g.kernelW
                && (filters < g.channels || g.channels <= DirectConvolution.MAX_FILTERS);
    }

    private FloatConvolution fullConvolutionOfGradient() {
        Conv2dGeometry full = new Conv2dGeometry(1, 1, g.kernelH - 1 - g.g.padH(), g.kernelW - 1 - g.g.padW(), 1, 1);
        return new FloatConvolution(new Im2col(filters, g.outH, g.outW, g.kernelH, g.kernelW, full), g.channels, batch);
    }

    /** W̃[c, f, i, j] = W[f, c, kH − 1 − i, kW − 1 − j]. */
    private float[] flippedTransposed(float[] w, int wOff) {
        int kh = g.kernelH, kw = g.kernelW;
        float[] flipped = new float[filters * g.channels * kh * kw];
        for (int f = 0; f < filters; f++) {
            for (int c = 0; c < g.channels; c++) {
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        flipped[((c * filters + f) * kh + i) * kw + j] = w[wOff + ((f * g.channels + c) * kh + kh - 1 - i) * kw + kw - 1 - j];
                    }
                }
            }
        }
        return flipped;
    }

    /** Returns the weight gradient [F, C·kH·kW]: per-thread partial sums over groups, then their total. */
    float[] backwardWeight(float[] x, int xOff, float[] gy, int gyOff) {
        if (DirectConvolution.appliesToWeightGradient(g, filters)) {
            return new DirectConvolution(g, filters, batch).backwardWeight(x, xOff, gy, gyOff);
        }
        if (PlaneConvolution.applies(g, filters)) {
            return new PlaneConvolution(g, batch).backwardWeight(x, xOff, gy, gyOff);
        }
        if (WinogradConvolution.appliesToWeightGradient(g, filters, batch)) {
            return new WinogradConvolution(WinogradTransform.DEFAULT, g, filters, batch).backwardWeight(x, xOff, gy, gyOff);
        }
        int rows = g.rows();
        float[] total = new float[filters * rows];
        int groups = (batch + group - 1) / group;
        if (groups == 1) { // small maps: one product over the whole batch, its threads split the weight
            Matrix gradient = outputGradient(gy, gyOff, 0, batch);
            VectorGemm.multiply(filters, rows, gradient.width, gradient.data, gradient.offset, gradient.width, 1,
                    columns(x, xOff, 0, batch, true), total, 0, rows, false);
            return total;
        }
        CpuThreads.parallelFor(groups, (long) filters * rows * g.cols() * group, (from, to) -> {
            float[] partial = new float[filters * rows];
            for (int i = from; i < to; i++) {
                int first = i * group, count = Math.min(group, batch - first);
                Matrix gradient = outputGradient(gy, gyOff, first, count);
                VectorGemm.multiply(filters, rows, gradient.width, gradient.data, gradient.offset, gradient.width, 1,
                        columns(x, xOff, first, count, true), partial, 0, rows, true);
            }
            synchronized (total) {
                for (int j = 0; j < total.length; j++) {
                    total[j] += partial[j];
                }
            }
        });
        return total;
    }

    /** A row-major matrix of {@code width} columns at data[offset..]. */
    private record Matrix(float[] data, int offset, int width) {
    }

    /**
     * The im2col matrix X̂ of images first..first+count side by side (X̂ᵀ when {@code transposed})
     * as the GEMM's B operand: the image itself for a single image under a pointwise kernel,
     * else packed from the images on the fly.
     */
    private VectorGemm.PanelSource columns(float[] x, int xOff, int first, int count, boolean transposed) {
        int image = xOff + first * imageSize();
        if (pointwise() && count == 1) {
            int pixels = g.cols();
            return transposed ? VectorGemm.strided(x, image, 1, pixels) : VectorGemm.strided(x, image, pixels, 1);
        }
        return transposed ? Im2colPanel.transposedColumns(g, x, image, count) : Im2colPanel.columns(g, x, image, count);
    }

    /** The output gradient of images first..first+count as one matrix [F, count·Ho·Wo]. */
    private Matrix outputGradient(float[] gy, int gyOff, int first, int count) {
        int pixels = g.cols();
        int start = gyOff + first * filters * pixels;
        if (count == 1) {
            return new Matrix(gy, start, pixels);
        }
        float[] grouped = Scratch.get(Scratch.GROUPED, filters * count * pixels);
        regroup(grouped, gy, start, count, pixels, true);
        return new Matrix(grouped, 0, count * pixels);
    }

    /**
     * Converts between a grouped matrix [F, count·P] and per-image outputs [count, F, P] at
     * batched[offset..]: into the grouped matrix when {@code toGrouped}, else out of it.
     */
    private void regroup(float[] grouped, float[] batched, int offset, int count, int pixels, boolean toGrouped) {
        for (int j = 0; j < count; j++) {
            for (int f = 0; f < filters; f++) {
                int image = offset + (j * filters + f) * pixels;
                int row = (f * count + j) * pixels;
                if (toGrouped) {
                    System.arraycopy(batched, image, grouped, row, pixels);
                } else {
                    System.arraycopy(grouped, row, batched, image, pixels);
                }
            }
        }
    }

    /**
     * col2im of one image by runs: for each (channel, kernel tap, output row) the valid output
     * columns form one range [lo, hi), added back onto one image row. The image's columns
     * start at colOffset in a matrix {@code ld} wide.
     */
    private void addColumnsBack(float[] image, int off, float[] cols, int colOffset, int ld) {
        int outH = g.outH, outW = g.outW, sw = g.g.strideW();
        for (int c = 0; c < g.channels; c++) {
            for (int ky = 0; ky < g.kernelH; ky++) {
                for (int kx = 0; kx < g.kernelW; kx++) {
                    int shift = kx * g.g.dilationW() - g.g.padW();          // ix = ox·sw + shift
                    int lo = Math.max(0, Math.floorDiv(-shift + sw - 1, sw));
                    int hi = Math.min(outW, Math.floorDiv(g.width - 1 - shift, sw) + 1);
                    int rowBase = ((c * g.kernelH + ky) * g.kernelW + kx) * ld + colOffset;
                    for (int oy = 0; oy < outH; oy++) {
                        int iy = oy * g.g.strideH() - g.g.padH() + ky * g.g.dilationH();
                        if (iy < 0 || iy >= g.height || lo >= hi) {
                            continue;
                        }
                        int dst = rowBase + oy * outW;
                        int src = off + (c * g.height + iy) * g.width + shift;
                        if (sw == 1) { // a plain loop the JIT turns into vector adds
                            for (int ox = lo; ox < hi; ox++) {
                                image[src + ox] += cols[dst + ox];
                            }
                        } else {
                            for (int ox = lo; ox < hi; ox++) {
                                image[src + ox * sw] += cols[dst + ox];
                            }
                        }
                    }
                }
            }
        }
    }
}
