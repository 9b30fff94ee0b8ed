package dev.masquerade.engine.cpu;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The forward pass of stride-1 convolutions with at most {@value #MAX_FILTERS} filters, and
 * their weight gradient with at most {@value #MAX_WEIGHT_GRADIENT_FILTERS}, computed directly.
 * A decoder's last layer paints 3 colour
 * channels from 32: through im2col every image would be copied 25 times (a 5×5 kernel) and
 * the copy packed again, for a GEMM with only 3 rows: all memory traffic and little
 * arithmetic; a 7×7 keypoint head of 40 filters still spends as long packing as multiplying.
 * (Their input gradient is a full convolution with the flipped kernel, see {@link FloatConvolution}.)
 * <ul>
 *   <li>Forward: each image is copied once into a zero-padded buffer, so every kernel tap
 *       reads a plain shifted run of it. A block of {@value #BLOCK_VECTORS} output vectors of
 *       {@value #FILTER_BLOCK} filters stays in registers while all C·kH·kW taps are added into
 *       it: per vector and tap one load and four fused multiply-adds, and the output is written
 *       once. (Adding one scaled row per tap into the output in memory measured no faster than
 *       the GEMM.)</li>
 *   <li>Weight gradient: w'[f, c, ky, kx] is a dot product, over images and output pixels,
 *       of the output gradient with the padded input shifted by the kernel tap; 4 filters by 4
 *       taps go together, 16 sums from 8 vectors loaded. It uses the Vector API, since the JIT
 *       does not reorder a float sum.</li>
 * </ul>
 */
final class DirectConvolution {
    /**
     * Up to this many filters the forward pass is direct. Four filters at a time, each input
     * vector loaded feeding four fused multiply-adds, it reaches 150-270 GFLOP/s on this
     * project's 2-core machine, where the GEMM, whose packing of im2col panels costs about as
     * much as its products when there are few filters to share them, managed 100-110 with 40
     * filters (a 7×7 keypoint layer: 4.2-6.0 ms against 9.7-11.6) and Winograd's algorithm
     * 3.4-7.3 ms against direct 2.5-3.4 with 32 (128 → 32 channels at 32×32). At 64 filters they tie.
     */
    static final int MAX_FILTERS = 48;
    /**
     * Up to this many filters the weight gradient is direct too: 4 filters by 4 taps at a time
     * it beats the GEMM with 32 filters (64 → 32 channels at 64×64: 4.8-5.3 ms against 8.2-8.4)
     * and loses with 40 (a 7×7 layer at 32×32: 8.2-9.4 against 6.2-8.1).
     */
    static final int MAX_WEIGHT_GRADIENT_FILTERS = 32;
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Output vectors kept in registers at once: enough independent sums to keep both FMA units busy. */
    static final int BLOCK_VECTORS = 4;
    /** Filters summed together ({@link #block}): 4 × {@value #BLOCK_VECTORS} sums, 4 inputs and a weight fill 21 of the 32 vector registers. */
    static final int FILTER_BLOCK = 4;

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
        // zero filters fill the last block: computing and dropping them costs less than summing the rest one by one
        float[] weights = new float[(filters + FILTER_BLOCK - 1) / FILTER_BLOCK * FILTER_BLOCK * taps];
        System.arraycopy(w, wOff, weights, 0, filters * taps);
        CpuThreads.parallelFor(batch, work(), (from, to) -> {
            // the last block reads up to a block past the padded image: zeros, in columns that are dropped
            float[] padded = new float[g.channels * paddedHeight() * paddedWidth() + block + g.kernelW];
            float[] sums = new float[FILTER_BLOCK * grid];
            for (int n = from; n < to; n++) {
                pad(x, xOff, n, padded);
                for (int f = 0; f < filters; f += FILTER_BLOCK) {
                    for (int first = 0; first < taps; first += depth) {
                        for (int q = 0; q < grid; q += block) {
                            block(padded, q, shifts, first, Math.min(taps, first + depth), weights, f * taps, taps, sums, q, grid, first > 0);
                        }
                    }
                    for (int j = 0; j < Math.min(FILTER_BLOCK, filters - f); j++) {
                        for (int oy = 0; oy < g.outH; oy++) {
                            System.arraycopy(sums, j * grid + oy * paddedWidth(), y, yOff + (n * filters + f + j) * plane + oy * g.outW, g.outW);
                        }
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
     * {@value #BLOCK_VECTORS} output vectors of each of {@value #FILTER_BLOCK} filters (their
     * weights {@code taps} apart, their sums {@code grid} apart in y), each the sum over taps
     * [from, to) of a weight times the padded image shifted by the tap, added to what {@code y}
     * holds when {@code add}. Each input vector loaded feeds four fused multiply-adds, so the
     * loop is bound by the multiply-adds, not the loads (a filter at a time it was one load
     * each). One flat loop over the taps, like {@link VectorGemm}'s kernel: C2 keeps the sums in
     * registers through it (through loops nested over c, ky and kx it did not, and the block
     * ran 10× slower); the stores are written out too, since passing vectors to a helper
     * method made the whole convolution five times slower.
     */
    private static void block(float[] padded, int corner, int[] shifts, int from, int to, float[] w, int weights, int taps,
                                    float[] y, int out, int grid, boolean add) {
        FloatVector a0 = FloatVector.zero(SPECIES), a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
        FloatVector c0 = a0, c1 = a0, c2 = a0, c3 = a0, d0 = a0, d1 = a0, d2 = a0, d3 = a0;
        for (int tap = from; tap < to; tap++) {
            int at = corner + shifts[tap];
            FloatVector x0 = FloatVector.fromArray(SPECIES, padded, at), x1 = FloatVector.fromArray(SPECIES, padded, at + LANES);
            FloatVector x2 = FloatVector.fromArray(SPECIES, padded, at + 2 * LANES), x3 = FloatVector.fromArray(SPECIES, padded, at + 3 * LANES);
            FloatVector wa = FloatVector.broadcast(SPECIES, w[weights + tap]);
            a0 = x0.fma(wa, a0);
            a1 = x1.fma(wa, a1);
            a2 = x2.fma(wa, a2);
            a3 = x3.fma(wa, a3);
            FloatVector wb = FloatVector.broadcast(SPECIES, w[weights + taps + tap]);
            b0 = x0.fma(wb, b0);
            b1 = x1.fma(wb, b1);
            b2 = x2.fma(wb, b2);
            b3 = x3.fma(wb, b3);
            FloatVector wc = FloatVector.broadcast(SPECIES, w[weights + 2 * taps + tap]);
            c0 = x0.fma(wc, c0);
            c1 = x1.fma(wc, c1);
            c2 = x2.fma(wc, c2);
            c3 = x3.fma(wc, c3);
            FloatVector wd = FloatVector.broadcast(SPECIES, w[weights + 3 * taps + tap]);
            d0 = x0.fma(wd, d0);
            d1 = x1.fma(wd, d1);
            d2 = x2.fma(wd, d2);
            d3 = x3.fma(wd, d3);
        }
        if (add) {
            a0 = a0.add(FloatVector.fromArray(SPECIES, y, out));
            a1 = a1.add(FloatVector.fromArray(SPECIES, y, out + LANES));
            a2 = a2.add(FloatVector.fromArray(SPECIES, y, out + 2 * LANES));
            a3 = a3.add(FloatVector.fromArray(SPECIES, y, out + 3 * LANES));
            b0 = b0.add(FloatVector.fromArray(SPECIES, y, out + grid));
            b1 = b1.add(FloatVector.fromArray(SPECIES, y, out + grid + LANES));
            b2 = b2.add(FloatVector.fromArray(SPECIES, y, out + grid + 2 * LANES));
            b3 = b3.add(FloatVector.fromArray(SPECIES, y, out + grid + 3 * LANES));
            c0 = c0.add(FloatVector.fromArray(SPECIES, y, out + 2 * grid));
            c1 = c1.add(FloatVector.fromArray(SPECIES, y, out + 2 * grid + LANES));
            c2 = c2.add(FloatVector.fromArray(SPECIES, y, out + 2 * grid + 2 * LANES));
            c3 = c3.add(FloatVector.fromArray(SPECIES, y, out + 2 * grid + 3 * LANES));
            d0 = d0.add(FloatVector.fromArray(SPECIES, y, out + 3 * grid));
            d1 = d1.add(FloatVector.fromArray(SPECIES, y, out + 3 * grid + LANES));
            d2 = d2.add(FloatVector.fromArray(SPECIES, y, out + 3 * grid + 2 * LANES));
            d3 = d3.add(FloatVector.fromArray(SPECIES, y, out + 3 * grid + 3 * LANES));
        }
        a0.intoArray(y, out);
        a1.intoArray(y, out + LANES);
        a2.intoArray(y, out + 2 * LANES);
        a3.intoArray(y, out + 3 * LANES);
        b0.intoArray(y, out + grid);
        b1.intoArray(y, out + grid + LANES);
        b2.intoArray(y, out + grid + 2 * LANES);
        b3.intoArray(y, out + grid + 3 * LANES);
        c0.intoArray(y, out + 2 * grid);
        c1.intoArray(y, out + 2 * grid + LANES);
        c2.intoArray(y, out + 2 * grid + 2 * LANES);
        c3.intoArray(y, out + 2 * grid + 3 * LANES);
        d0.intoArray(y, out + 3 * grid);
        d1.intoArray(y, out + 3 * grid + LANES);
        d2.intoArray(y, out + 3 * grid + 2 * LANES);
        d3.intoArray(y, out + 3 * grid + 3 * LANES);
    }

    /**
     * The weight gradient [F, C·kH·kW]: w'[f, tap] = Σ over images and output pixels of
     * gy[n, f, oy, ox] · padded x[n] at the pixel's corner shifted by the tap. Each gradient
     * plane is first widened to the padded image's row length (zeros in the extra columns), so
     * that the sum over a whole plane is one flat dot product; {@value #FILTER_BLOCK} filters
     * and {@value #FILTER_BLOCK} taps go together ({@link #dots}); per-thread partial sums over
     * images, then their total.
     */
    float[] backwardWeight(float[] x, int xOff, float[] gy, int gyOff) {
        int plane = g.outH * g.outW, taps = g.rows();
        // taps past the last read shift 0 (inside the image) and are dropped, as are zero filters past the last
        int[] shifts = Arrays.copyOf(tapShifts(), (taps + FILTER_BLOCK - 1) / FILTER_BLOCK * FILTER_BLOCK);
        // The widened plane's last kW − 1 values are zero columns, and so is what the sum runs on
        // past them to a whole number of vectors; the padded image gets a vector of zeros more
        // for the reads there.
        int length = (g.outH * paddedWidth() - (g.kernelW - 1) + LANES - 1) / LANES * LANES;
        int widePlane = Math.max(g.outH * paddedWidth(), length);
        float[] total = new float[filters * taps];
        CpuThreads.parallelFor(batch, work(), (from, to) -> {
            float[] padded = new float[g.channels * paddedHeight() * paddedWidth() + LANES];
            float[] widened = new float[FILTER_BLOCK * widePlane];
            float[] sums = new float[FILTER_BLOCK * FILTER_BLOCK];
            float[] partial = new float[total.length];
            for (int n = from; n < to; n++) {
                pad(x, xOff, n, padded);
                for (int f = 0; f < filters; f += FILTER_BLOCK) {
                    int together = Math.min(FILTER_BLOCK, filters - f);
                    Arrays.fill(widened, together * widePlane, widened.length, 0f);
                    for (int j = 0; j < together; j++) {
                        for (int oy = 0; oy < g.outH; oy++) {
                            System.arraycopy(gy, gyOff + (n * filters + f + j) * plane + oy * g.outW, widened, j * widePlane + oy * paddedWidth(), g.outW);
                        }
                    }
                    for (int tap = 0; tap < taps; tap += FILTER_BLOCK) {
                        dots(widened, widePlane, padded, shifts, tap, length, sums);
                        for (int j = 0; j < together; j++) {
                            for (int t = 0; t < Math.min(FILTER_BLOCK, taps - tap); t++) {
                                partial[(f + j) * taps + tap + t] += sums[j * FILTER_BLOCK + t];
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

    /**
     * The 4 × 4 dot products Σ a[j·stride + i] · b[shifts[tap + t] + i] for i < n (a whole
     * number of vectors), of 4 widened gradient planes with the padded image at 4 taps, into
     * sums[j·4 + t]. In one flat loop
     * (C2 keeps vector sums in registers only through a single loop), each of the 8 vectors
     * loaded feeds four fused multiply-adds, where one plane's dot with one tap loaded two
     * vectors for each.
     */
    private static void dots(float[] a, int stride, float[] b, int[] shifts, int tap, int n, float[] sums) {
        FloatVector a0 = FloatVector.zero(SPECIES), a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
        FloatVector c0 = a0, c1 = a0, c2 = a0, c3 = a0, d0 = a0, d1 = a0, d2 = a0, d3 = a0;
        int t0 = shifts[tap], t1 = shifts[tap + 1], t2 = shifts[tap + 2], t3 = shifts[tap + 3];
        for (int i = 0; i < n; i += LANES) {
            FloatVector x0 = FloatVector.fromArray(SPECIES, b, t0 + i), x1 = FloatVector.fromArray(SPECIES, b, t1 + i);
            FloatVector x2 = FloatVector.fromArray(SPECIES, b, t2 + i), x3 = FloatVector.fromArray(SPECIES, b, t3 + i);
            FloatVector ga = FloatVector.fromArray(SPECIES, a, i);
            a0 = ga.fma(x0, a0);
            a1 = ga.fma(x1, a1);
            a2 = ga.fma(x2, a2);
            a3 = ga.fma(x3, a3);
            FloatVector gb = FloatVector.fromArray(SPECIES, a, stride + i);
            b0 = gb.fma(x0, b0);
            b1 = gb.fma(x1, b1);
            b2 = gb.fma(x2, b2);
            b3 = gb.fma(x3, b3);
            FloatVector gc = FloatVector.fromArray(SPECIES, a, 2 * stride + i);
            c0 = gc.fma(x0, c0);
            c1 = gc.fma(x1, c1);
            c2 = gc.fma(x2, c2);
            c3 = gc.fma(x3, c3);
            FloatVector gd = FloatVector.fromArray(SPECIES, a, 3 * stride + i);
            d0 = gd.fma(x0, d0);
            d1 = gd.fma(x1, d1);
            d2 = gd.fma(x2, d2);
            d3 = gd.fma(x3, d3);
        }
        sums[0] = a0.reduceLanes(VectorOperators.ADD);
        sums[1] = a1.reduceLanes(VectorOperators.ADD);
        sums[2] = a2.reduceLanes(VectorOperators.ADD);
        sums[3] = a3.reduceLanes(VectorOperators.ADD);
        sums[4] = b0.reduceLanes(VectorOperators.ADD);
        sums[5] = b1.reduceLanes(VectorOperators.ADD);
        sums[6] = b2.reduceLanes(VectorOperators.ADD);
        sums[7] = b3.reduceLanes(VectorOperators.ADD);
        sums[8] = c0.reduceLanes(VectorOperators.ADD);
        sums[9] = c1.reduceLanes(VectorOperators.ADD);
        sums[10] = c2.reduceLanes(VectorOperators.ADD);
        sums[11] = c3.reduceLanes(VectorOperators.ADD);
        sums[12] = d0.reduceLanes(VectorOperators.ADD);
        sums[13] = d1.reduceLanes(VectorOperators.ADD);
        sums[14] = d2.reduceLanes(VectorOperators.ADD);
        sums[15] = d3.reduceLanes(VectorOperators.ADD);
    }
}
