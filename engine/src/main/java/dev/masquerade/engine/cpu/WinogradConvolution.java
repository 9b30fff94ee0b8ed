package dev.masquerade.engine.cpu;

import dev.masquerade.engine.backend.Conv2dGeometry;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * 3×3 stride-1 convolutions by Winograd's minimal filtering (Lavin and Gray, "Fast Algorithms
 * for Convolutional Neural Networks", 2016; tutorials/04-convolution.md works it through).
 *
 * <p>In one dimension, F(m, 3) computes m outputs of a 3-tap filter g from α = m + 2 inputs d
 * with α multiplications instead of 3m: y = Aᵀ[(G·g) ⊙ (Bᵀ·d)], where Bᵀ (α×α), G (α×3) and
 * Aᵀ (m×α) hold small constants ({@link WinogradTransform}). Nested in two dimensions, an m×m
 * block of outputs from an α×α tile d of the image is Y = Aᵀ[(G·g·Gᵀ) ⊙ (Bᵀ·d·B)]A. Summed
 * over the input channels, the element-wise products at the α² positions ξ of a tile become α²
 * independent matrix products, M[ξ] (filters × tiles) = U[ξ] (filters × channels) · V[ξ]
 * (channels × tiles), with U = G·g·Gᵀ the transformed weights and V = Bᵀ·d·B the transformed
 * tiles. F(4×4, 3×3) does 36 multiply-adds where the im2col product does 144; the transforms
 * only combine a few values with small constants.
 *
 * <p>The weight gradient runs the same algebra backwards: ∂M = A·∂Y·Aᵀ per tile, ∂U[ξ] = Σ over
 * tiles of ∂M[ξ]·V[ξ]ᵀ (again α² products, now summed over tiles), ∂g = Gᵀ·∂U·G. The input
 * gradient is itself a 3×3 stride-1 convolution (see {@link FloatConvolution}), so it comes here
 * as a forward pass.
 *
 * <p>Tiles go through in blocks of whole tile rows, about {@value #TARGET_TILES} tiles a block,
 * so that a block's V and M stay in cache between the transforms and the products; blocks run
 * in parallel. The transforms run on vectors of tiles side by side: the block's rows of the image
 * are first split into their m phases (columns m·t + q; {@link FourPhases}), after which every
 * input of every tile is a plain vector load.
 */
final class WinogradConvolution {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Tiles a block should hold. */
    static final int TARGET_TILES = 128;
    /**
     * With fewer channels or filters the products are too thin to pay for the transforms.
     * Measured on 2 threads, 16 images: 32 → 64 channels at 16×16 ties with im2col, 16 → 32 at
     * 32×32 loses; 64 → 64 at 32×32 takes half the time.
     */
    static final int MIN_CHANNELS = 32;
    /**
     * The weight gradient transforms the output gradient too and sums its products over tiles,
     * so it needs wider layers: 32 → 128 channels at 32×32 is 15% slower than im2col, 64 → 64
     * 16% faster.
     */
    static final int MIN_CHANNELS_FOR_WEIGHT_GRADIENT = 64;
    /**
     * With fewer tiles, transforming the weights costs more than the products save. Measured on
     * 2 threads: 16 images of 16×16 (256 tiles) 1.5 times faster than im2col, of 12×12 (144
     * tiles) 1.4 times slower.
     */
    static final int MIN_TILES = 256;

    private final WinogradTransform t;
    /** A = (Aᵀ)ᵀ, for the output gradient. */
    private final float[][] a;
    private final Im2col g;
    private final int filters;
    private final int channels;
    private final int m;
    private final int alpha;
    private final int positions;
    private final int tilesH;
    private final int tilesW;
    private final int tileRows;
    private final int rowsPerBlock;
    /** Tiles a block holds at most: the leading dimension of V[ξ] and M[ξ]. */
    private final int capacity;

    WinogradConvolution(WinogradTransform transform, Im2col geometry, int filters, int batch) {
        this.t = transform;
        this.a = transform.a;
        this.g = geometry;
        this.filters = filters;
        this.channels = geometry.channels;
        this.m = transform.m;
        this.alpha = transform.alpha();
        this.positions = alpha * alpha;
        this.tilesH = (geometry.outH + m - 1) / m;
        this.tilesW = (geometry.outW + m - 1) / m;
        this.tileRows = batch * tilesH;
        this.rowsPerBlock = Math.max(1, Math.min(tileRows, TARGET_TILES / tilesW));
        this.capacity = rowsPerBlock * tilesW;
    }

    /** Whether the forward pass of a convolution of this geometry with this many filters over this batch runs here. */
    static boolean applies(Im2col g, int filters, int batch) {
        Conv2dGeometry c = g.g;
        int m = WinogradTransform.DEFAULT.m;
        long tiles = (long) batch * ((g.outH + m - 1) / m) * ((g.outW + m - 1) / m);
        return g.kernelH == 3 && g.kernelW == 3 && c.strideH() == 1 && c.strideW() == 1 && c.dilationH() == 1
                && c.dilationW() == 1 && c.padH() <= 2 && c.padW() <= 2 && Math.min(g.channels, filters) >= MIN_CHANNELS
                && tiles >= MIN_TILES;
    }

    /** Whether its weight gradient runs here too. */
    static boolean appliesToWeightGradient(Im2col g, int filters, int batch) {
        return applies(g, filters, batch) && Math.min(g.channels, filters) >= MIN_CHANNELS_FOR_WEIGHT_GRADIENT;
    }

    /**
     * Floats one position ξ of V or M takes for a block: a row of {@link #capacity} tiles for
     * each of {@code count} channels or filters, and slack for the last vector of the last row
     * (see {@link WinogradTransform#combine}).
     */
    private int plane(int count) {
        return count * capacity + LANES;
    }

    /** y = conv(x, w): the products U[ξ]·V[ξ] block by block, each block's outputs untransformed. */
    void forward(float[] x, int xOff, float[] w, int wOff, float[] y, int yOff) {
        float[] u = t.transformWeights(w, wOff, filters, channels);
        int n = WinogradTransform.padded(filters, channels);
        float[][] packed = new float[positions][];
        for (int xi = 0; xi < positions; xi++) { // each U[ξ] takes part in a product per block: packed once, then copied
            packed[xi] = channels <= VectorGemm.KC ? VectorGemm.packed(u, xi * n, channels, 1, filters, channels) : null;
        }
        eachThread((from, to) -> {
            float[] v = Scratch.get(Scratch.TILES, positions * plane(channels));
            float[] products = Scratch.get(Scratch.PRODUCTS, positions * plane(filters));
            for (int b = from; b < to; b++) {
                int first = b * rowsPerBlock, rows = Math.min(rowsPerBlock, tileRows - first);
                transformTiles(x, xOff, first, rows, v);
                for (int xi = 0; xi < positions; xi++) {
                    VectorGemm.PanelSource tiles = VectorGemm.strided(v, xi * plane(channels), capacity, 1);
                    if (packed[xi] != null) {
                        VectorGemm.multiply(filters, rows * tilesW, channels, packed[xi], 0, channels, VectorGemm.PACKED, tiles,
                                products, xi * plane(filters), capacity, false);
                    } else {
                        VectorGemm.multiply(filters, rows * tilesW, channels, u, xi * n, channels, 1, tiles, products, xi * plane(filters),
                                capacity, false);
                    }
                }
                untransformOutputs(products, first, rows, y, yOff);
            }
        });
    }

    /**
     * The weight gradient [F, C·3·3]: ∂U summed over all tiles (each thread sums its own blocks,
     * then the threads' sums are added), then Gᵀ·∂U·G.
     */
    float[] backwardWeight(float[] x, int xOff, float[] gy, int gyOff) {
        int n = WinogradTransform.padded(filters, channels);
        float[] total = new float[positions * n];
        eachThread((from, to) -> {
            float[] v = Scratch.get(Scratch.TILES, positions * plane(channels));
            float[] products = Scratch.get(Scratch.PRODUCTS, positions * plane(filters));
            float[] partial = new float[total.length];
            for (int b = from; b < to; b++) {
                int first = b * rowsPerBlock, rows = Math.min(rowsPerBlock, tileRows - first);
                transformTiles(x, xOff, first, rows, v);
                transformOutputGradient(gy, gyOff, first, rows, products);
                for (int xi = 0; xi < positions; xi++) {
                    VectorGemm.multiply(filters, channels, rows * tilesW, products, xi * plane(filters), capacity, 1,
                            v, xi * plane(channels), 1, capacity, partial, xi * n, channels, true);
                }
            }
            synchronized (total) {
                for (int i = 0; i < total.length; i++) {
                    total[i] += partial[i];
                }
            }
        });
        return t.weightGradient(total, filters, channels);
    }

    /** Splits the blocks of tile rows (tile row r is image r / tilesH, row r % tilesH) into one range per thread. */
    private void eachThread(CpuThreads.Range blocks) {
        int count = (tileRows + rowsPerBlock - 1) / rowsPerBlock;
        CpuThreads.parallelFor(count, (long) positions * filters * channels * capacity, blocks);
    }

    /**
     * V[ξ][c][j] = (Bᵀ·d·B)[ξ] for tile j of the block (tile rows first..first + rows), d its α×α
     * window of channel c: for each of the α rows of every tile, its α inputs laid out as α rows
     * of tiles side by side and multiplied by Bᵀ; then Bᵀ down the α results.
     */
    private void transformTiles(float[] x, int xOff, int first, int rows, float[] v) {
        int n = capacity + LANES, tiles = rows * tilesW, transformed = alpha * alpha * n;
        float[] buffer = Scratch.get(Scratch.ROWS, 2 * transformed); // α rows × α inputs, then α rows × α values
        float[] line = Scratch.get(Scratch.LINE, lineLength());
        int[] across = WinogradTransform.steps(alpha, n), down = WinogradTransform.steps(alpha, alpha * n);
        int stride = plane(channels);
        for (int c = 0; c < channels; c++) {
            for (int k = 0; k < alpha; k++) {
                splitRows(x, xOff + c * g.height * g.width, channels, g.height, g.width, k - g.g.padH(), g.g.padW(), first, rows, alpha,
                        buffer, k * alpha * n, n, line);
                WinogradTransform.combine(buffer, across, k * alpha * n, t.bt, buffer, transformed + k * alpha * n, n, tiles);
            }
            for (int column = 0; column < alpha; column++) {
                WinogradTransform.combine(buffer, down, transformed + column * n, t.bt, v, column * stride + c * capacity, alpha * stride, tiles);
            }
        }
    }

    /**
     * ∂M[ξ][f][j] = (A·∂y·Aᵀ)[ξ] for tile j of the block, ∂y its m×m block of output gradient for
     * filter f (zero past the edge of the output).
     */
    private void transformOutputGradient(float[] gy, int gyOff, int first, int rows, float[] products) {
        int n = capacity + LANES, tiles = rows * tilesW, transformed = m * m * n;
        float[] buffer = Scratch.get(Scratch.ROWS, transformed + m * alpha * n); // m rows × m inputs, then m rows × α values
        float[] line = Scratch.get(Scratch.LINE, lineLength());
        int[] across = WinogradTransform.steps(m, n), down = WinogradTransform.steps(m, alpha * n);
        int stride = plane(filters);
        for (int f = 0; f < filters; f++) {
            for (int k = 0; k < m; k++) {
                splitRows(gy, gyOff + f * g.outH * g.outW, filters, g.outH, g.outW, k, 0, first, rows, m, buffer, k * m * n, n, line);
                WinogradTransform.combine(buffer, across, k * m * n, a, buffer, transformed + k * alpha * n, n, tiles);
            }
            for (int column = 0; column < alpha; column++) {
                WinogradTransform.combine(buffer, down, transformed + column * n, a, products, column * stride + f * capacity, alpha * stride, tiles);
            }
        }
    }

    /**
     * y from M: Aᵀ down the α rows of each tile's M, then along each of the m results, and the
     * m×m outputs written into place (dropping those past the edge of the output).
     */
    private void untransformOutputs(float[] products, int first, int rows, float[] y, int yOff) {
        int n = capacity + LANES, tiles = rows * tilesW, values = m * alpha * n;
        float[] buffer = Scratch.get(Scratch.ROWS, values + m * n); // m rows × α values, then one row's m outputs
        float[] staging = Scratch.get(Scratch.LINE, 4 * LANES);
        int stride = plane(filters);
        int[] down = WinogradTransform.steps(alpha, alpha * stride), across = WinogradTransform.steps(alpha, n);
        for (int f = 0; f < filters; f++) {
            for (int column = 0; column < alpha; column++) {
                WinogradTransform.combine(products, down, column * stride + f * capacity, t.at, buffer, column * n, alpha * n, tiles);
            }
            for (int k = 0; k < m; k++) {
                WinogradTransform.combine(buffer, across, k * alpha * n, t.at, buffer, values, n, tiles);
                placeOutputs(buffer, values, n, first, tiles, k, y, yOff + f * g.outH * g.outW, staging);
            }
        }
    }

    /**
     * Output row k of every tile of the block: y[m·ty + k][m·tx + q] = outputs q[tile] (q at
     * buffer[outputs + q·step..]), for the outputs inside the image; {@code y} points at the
     * filter's plane of the first image. With F(4×4, 3×3), each run of tiles that lies whole in
     * one row goes into place as one vector ({@link FourPhases#join}).
     */
    private void placeOutputs(float[] buffer, int outputs, int step, int first, int tiles, int k, float[] y, int yOff, float[] staging) {
        boolean vectors = m == 4 && FourPhases.available();
        int run = vectors ? FourPhases.TILES : 1, image = filters * g.outH * g.outW;
        for (int t = 0; t < tiles; t += LANES) {
            if (vectors) {
                FourPhases.join(buffer, outputs + t, step, staging);
            }
            for (int s = t; s < Math.min(t + LANES, tiles); s++) {
                int tileRow = first + s / tilesW, tx = s % tilesW, oy = m * (tileRow % tilesH) + k;
                if (oy >= g.outH) {
                    continue;
                }
                int row = yOff + tileRow / tilesH * image + oy * g.outW + m * tx;
                if (vectors && (s - t) % run == 0 && tx + run <= tilesW && m * (tx + run) <= g.outW) {
                    FloatVector.fromArray(SPECIES, staging, m * (s - t)).intoArray(y, row);
                    s += run - 1;
                } else {
                    for (int q = 0; q < m && m * tx + q < g.outW; q++) {
                        y[row + q] = buffer[outputs + q * step + s];
                    }
                }
            }
        }
    }

    /**
     * Input j of tile t of the block, for j &lt; inputs, is row[m·tx + j − shift] of image row
     * m·ty + offset (zero outside the image), tile t being column tx of tile row ty; it goes to
     * dst[at + j·step + t]. {@code src} points at the first image's plane of the channel, planes
     * {@code planes} apart from image to image.
     *
     * <p>Each tile row's image row is first copied into {@code line}, m·tilesW values a tile row
     * behind {@code shift} zeros, so that the block's first m inputs are its m phases, split in
     * one go. Input m + j of tile t is phase j of tile t + 1, the same values one place along,
     * except for the last tile of each row, whose two extra columns are kept aside in the line.
     */
    private void splitRows(float[] src, int srcOff, int planes, int height, int width, int offset, int shift, int first, int rows,
                           int inputs, float[] dst, int at, int step, float[] line) {
        int segment = m * tilesW, extras = FourPhases.rowLength(capacity), tiles = rows * tilesW;
        for (int r = 0; r < rows; r++) {
            int tileRow = first + r, iy = m * (tileRow % tilesH) + offset, seg = r * segment;
            if (iy < 0 || iy >= height) {
                java.util.Arrays.fill(line, seg, seg + segment, 0f);
                line[extras + 2 * r] = 0f;
                line[extras + 2 * r + 1] = 0f;
                continue;
            }
            int row = srcOff + (tileRow / tilesH) * planes * height * width + iy * width;
            int copied = Math.max(0, Math.min(width, segment - shift));
            java.util.Arrays.fill(line, seg, seg + shift, 0f);
            System.arraycopy(src, row, line, seg + shift, copied);
            java.util.Arrays.fill(line, seg + shift + copied, seg + segment, 0f);
            for (int e = 0; e < 2; e++) {
                int column = segment - shift + e;
                line[extras + 2 * r + e] = column < width ? src[row + column] : 0f;
            }
        }
        if (m == 4 && FourPhases.available()) {
            FourPhases.split(line, 0, tiles, dst, at, step);
        } else {
            for (int q = 0; q < m; q++) {
                for (int i = 0; i < tiles; i++) {
                    dst[at + q * step + i] = line[m * i + q];
                }
            }
        }
        for (int j = m; j < inputs; j++) {
            int to = at + j * step;
            System.arraycopy(dst, at + (j - m) * step + 1, dst, to, tiles - 1);
            for (int r = 0; r < rows; r++) {
                dst[to + r * tilesW + tilesW - 1] = line[extras + 2 * r + j - m];
            }
        }
    }

    /** Floats {@link #splitRows}'s line takes: whole vectors of tiles for a full block, then each tile row's two extra columns. */
    private int lineLength() {
        return FourPhases.rowLength(capacity) + 2 * rowsPerBlock;
    }
}
