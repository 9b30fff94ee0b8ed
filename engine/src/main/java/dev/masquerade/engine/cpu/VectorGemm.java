package dev.masquerade.engine.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fast float32 matrix product {@code C (+)= A·B}, built the way BLIS and OpenBLAS build
 * theirs, with the Vector API doing the arithmetic. {@link Gemm} is the plain reference.
 *
 * <p>Three ideas make it fast:
 * <ol>
 *   <li><b>Register tiling.</b> The micro-kernel computes an MR×NR = 6×(2 vectors) tile of C
 *       in 12 vector registers, reading one column of A (6 broadcasts) and one row of B
 *       (2 vector loads) per step of k: 12 fused multiply-adds for 8 loads.</li>
 *   <li><b>Packing.</b> Before the kernel runs, a KC×NC panel of B and an MC×KC block of A are
 *       copied into buffers laid out in exactly the order the kernel reads them, so every
 *       load is sequential. Packing also reads A and B through their strides, so transposed
 *       operands (matmul's backward needs Aᵀ·G and G·Bᵀ) cost a differently ordered copy,
 *       never a transposed matrix.</li>
 *   <li><b>Cache blocking.</b> A micro-panel of B (KC×NR: 32 KB with 256-bit vectors) is
 *       read from L1 and L2, the packed block of A (MC×KC) stays in L2, the packed panel of B
 *       (KC×NC) in L3. KC = 512 means C is read and written once per 512 steps of k, so
 *       products up to k = 512 write each element of C exactly once.</li>
 * </ol>
 * Work is split between threads by rows (or columns, for short wide products) of C; each
 * thread packs what it reads.
 */
final class VectorGemm {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    static final int MR = 6;
    static final int NR = 2 * LANES;
    static final int KC = 512;
    static final int MC = 120;
    private static final int NC = 3072;

    private static final ThreadLocal<float[][]> PACKS = ThreadLocal.withInitial(
            () -> new float[][] {new float[MC * KC], new float[KC * ((NC + NR - 1) / NR) * NR], new float[MR * NR]});

    private VectorGemm() {
    }

    /** The vector shape in use, for {@code masquerade devices}. */
    static String describe() {
        return "Vector API " + SPECIES.vectorBitSize() + "-bit (" + LANES + " floats), micro-kernel " + MR + "x" + NR;
    }

    /**
     * {@code C[m×n] (+)= A[m×k] · B[k×n]} where element (i, p) of A is {@code a[aOff + i·aRow + p·aCol]},
     * element (p, j) of B is {@code b[bOff + p·bRow + j·bCol]}, and C is row-major with leading dimension ldc.
     */
    static void multiply(int m, int n, int k, float[] a, int aOff, int aRow, int aCol, float[] b, int bOff, int bRow, int bCol,
                         float[] c, int cOff, int ldc, boolean accumulate) {
        multiply(m, n, k, a, aOff, aRow, aCol, strided(b, bOff, bRow, bCol), c, cOff, ldc, accumulate);
    }

    /**
     * Where the product's B operand comes from: anything that can pack rows [row, row + kc)
     * and columns [col, col + nc) of B into NR-column slivers, k-major inside each, a short
     * last sliver padded with zeros. A matrix in memory packs by copying ({@link #strided}); a
     * convolution packs straight from its images ({@link Im2colPanel}), so its im2col matrix
     * is never built.
     */
    @FunctionalInterface
    interface PanelSource {
        void pack(int row, int kc, int col, int nc, float[] dst);
    }

    /** B held in memory: element (p, j) at {@code b[off + p·rowStride + j·colStride]}. */
    static PanelSource strided(float[] b, int off, int rowStride, int colStride) {
        return (row, kc, col, nc, dst) -> packB(b, off + row * rowStride + col * colStride, rowStride, colStride, kc, nc, dst);
    }

    /**
     * A column stride that marks A as packed already, by {@link #packed}: its MR-row slivers lie
     * one after another, so packing a block of it is one contiguous copy.
     */
    static final int PACKED = 0;

    /**
     * A [m×k], strided as in {@link #multiply}, packed the way the products pack it, for a
     * matrix that takes part in many products: pass the result with row stride k and column
     * stride {@link #PACKED}. Only for k up to {@value #KC}, one block deep.
     */
    static float[] packed(float[] a, int aOff, int aRow, int aCol, int m, int k) {
        if (k > KC) {
            throw new IllegalArgumentException("a packed A is one depth block, at most " + KC + " deep, not " + k);
        }
        float[] packed = new float[(m + MR - 1) / MR * MR * k];
        for (int ic = 0; ic < m; ic += MC) {
            packA(a, aOff + ic * aRow, aRow, aCol, Math.min(MC, m - ic), k, packed, ic * k);
        }
        return packed;
    }

    /** {@code C[m×n] (+)= A[m×k] · B[k×n]}, A strided as above, B packed by {@code b}. */
    static void multiply(int m, int n, int k, float[] a, int aOff, int aRow, int aCol, PanelSource b,
                         float[] c, int cOff, int ldc, boolean accumulate) {
        boolean splitRows = m >= n || n < NR * CpuThreads.threads();
        int unit = splitRows ? MR : NR;
        int blocks = ((splitRows ? m : n) + unit - 1) / unit;
        CpuThreads.parallelFor(blocks, (long) unit * (splitRows ? n : m) * k, (from, to) -> {
            int start = from * unit;
            if (splitRows) {
                int rows = Math.min(m, to * unit) - start;
                single(rows, n, k, a, aOff + start * aRow, aRow, aCol, b, 0, c, cOff + start * ldc, ldc, accumulate);
            } else {
                int cols = Math.min(n, to * unit) - start;
                single(m, cols, k, a, aOff, aRow, aCol, b, start, c, cOff + start, ldc, accumulate);
            }
        });
    }

    /** The blocked loops on one thread, over columns [firstColumn, firstColumn + n) of B. */
    private static void single(int m, int n, int k, float[] a, int aOff, int aRow, int aCol, PanelSource b, int firstColumn,
                               float[] c, int cOff, int ldc, boolean accumulate) {
        float[][] packs = PACKS.get();
        float[] packedA = packs[0];
        float[] packedB = packs[1];
        float[] edgeTile = packs[2];
        // BEGIN SOLUTION task-3.1: the blocked loops: for each NC-wide panel of B and KC-deep block of k pack B, for each MC-tall block of A pack A, run the kernel on every MR x NR tile and merge it into C, overwriting only on the first depth block of a product that does not accumulate (see tutorials/19-matmul-ladder.md)
        int depth = depthBlock(k);
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += depth) {
                int kc = Math.min(depth, k - pc);
                b.pack(pc, kc, firstColumn + jc, nc, packedB);
                boolean overwrite = pc == 0 && !accumulate;
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic);
                    packA(a, aOff + ic * aRow + pc * aCol, aRow, aCol, mc, kc, packedA);
                    for (int jr = 0; jr < nc; jr += NR) {
                        for (int ir = 0; ir < mc; ir += MR) {
                            tile(kc, packedA, ir * kc, packedB, jr * kc, c, cOff + (ic + ir) * ldc + jc + jr, ldc,
                                    Math.min(MR, mc - ir), Math.min(NR, nc - jr), overwrite, edgeTile);
                        }
                    }
                }
            }
        }
        // END SOLUTION
    }

    /**
     * How deep each block of k is: blocks of equal size, so k = 576 runs as 288 + 288, not 512
     * + a thin 64 that would read and write all of C again for little work. Each element of C
     * is the sum over the first block, plus the sum over the second, and so on.
     */
    static int depthBlock(int k) {
        int depthBlocks = (k + KC - 1) / KC;
        return (k + depthBlocks - 1) / Math.max(1, depthBlocks);
    }

    /**
     * Packs an mc×kc block of A into slivers of MR rows, k-major inside each; short slivers are
     * zero-padded. The writes go in order; the reads follow MR rows of A at once (or, for a
     * transposed A, MR neighbours in one row).
     */
    private static void packA(float[] a, int off, int row, int col, int mc, int kc, float[] dst) {
        packA(a, off, row, col, mc, kc, dst, 0);
    }

    /** {@link #packA} into dst from {@code start} on; an A marked {@link #PACKED} is copied as it is. */
    private static void packA(float[] a, int off, int row, int col, int mc, int kc, float[] dst, int start) {
        if (col == PACKED) {
            System.arraycopy(a, off, dst, start, (mc + MR - 1) / MR * MR * kc);
            return;
        }
        for (int i = 0; i < mc; i += MR) {
            int base = start + i * kc;
            int rows = Math.min(MR, mc - i);
            int src = off + i * row;
            if (rows < MR) {
                java.util.Arrays.fill(dst, base, base + kc * MR, 0f);
            }
            for (int p = 0; p < kc; p++) {
                int from = src + p * col, to = base + p * MR;
                for (int r = 0; r < rows; r++) {
                    dst[to + r] = a[from + r * row];
                }
            }
        }
    }

    /** Packs a kc×nc panel of B into slivers of NR columns, k-major inside each; short slivers are zero-padded. */
    private static void packB(float[] b, int off, int row, int col, int kc, int nc, float[] dst) {
        for (int j = 0; j < nc; j += NR) {
            int base = j * kc;
            int cols = Math.min(NR, nc - j);
            if (cols < NR) {
                java.util.Arrays.fill(dst, base, base + kc * NR, 0f);
            }
            if (col == 1 && cols == NR) { // rows of B are contiguous: copy runs of NR, two vectors each
                for (int p = 0; p < kc; p++) {
                    int src = off + p * row + j;
                    FloatVector.fromArray(SPECIES, b, src).intoArray(dst, base + p * NR);
                    FloatVector.fromArray(SPECIES, b, src + LANES).intoArray(dst, base + p * NR + LANES);
                }
            } else if (col == 1) {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b, off + p * row + j, dst, base + p * NR, cols);
                }
            } else { // B is transposed in memory: read each column along k
                for (int q = 0; q < cols; q++) {
                    int src = off + (j + q) * col;
                    for (int p = 0; p < kc; p++) {
                        dst[base + p * NR + q] = b[src + p * row];
                    }
                }
            }
        }
    }

    /**
     * One MR×NR tile of C. A whole tile goes from the kernel's registers straight into C (added
     * to what C holds unless this is the first depth block of a product that overwrites); a
     * tile cut short by the edge of C goes through {@code scratch}, and only its valid rows and
     * columns are merged.
     */
    private static void tile(int kc, float[] pa, int ia, float[] pb, int ib, float[] c, int at, int ldc, int rows, int cols,
                             boolean overwrite, float[] scratch) {
        if (rows == MR && cols == NR) {
            kernel(kc, pa, ia, pb, ib, c, at, ldc, !overwrite);
        } else {
            kernel(kc, pa, ia, pb, ib, scratch, 0, NR, false);
            merge(scratch, c, at, ldc, rows, cols, overwrite);
        }
    }

    /**
     * The 6×NR tile: 12 accumulators, 6 broadcasts of A and 2 loads of B per step of k, stored
     * into {@code out} (rows {@code ld} apart) at the end, added to what {@code out} holds when
     * {@code add}: the sum over this depth block is formed first and then added, as a separate
     * tile and merge would, so the rounding does not depend on where the tile is stored. The
     * loop has no branch and calls nothing that is not intrinsic: a vector that crossed a
     * real method call would be boxed on the heap, and C2 recompiles a hot method each time a
     * new branch first runs. The loop counts with A's index itself: counted on a separate p,
     * C2 rebuilt {@code ia = 6p} from shifts and adds every step, and those extra integer
     * instructions cost 3% of the kernel's speed.
     */
    private static void kernel(int kc, float[] pa, int ia, float[] pb, int ib, float[] out, int at, int ld, boolean add) {
        FloatVector c00 = FloatVector.zero(SPECIES), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        for (int end = ia + kc * MR; ia < end; ia += MR) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, pb, ib);
            FloatVector b1 = FloatVector.fromArray(SPECIES, pb, ib + LANES);
            FloatVector a;
            a = FloatVector.broadcast(SPECIES, pa[ia]);
            c00 = a.fma(b0, c00);
            c01 = a.fma(b1, c01);
            a = FloatVector.broadcast(SPECIES, pa[ia + 1]);
            c10 = a.fma(b0, c10);
            c11 = a.fma(b1, c11);
            a = FloatVector.broadcast(SPECIES, pa[ia + 2]);
            c20 = a.fma(b0, c20);
            c21 = a.fma(b1, c21);
            a = FloatVector.broadcast(SPECIES, pa[ia + 3]);
            c30 = a.fma(b0, c30);
            c31 = a.fma(b1, c31);
            a = FloatVector.broadcast(SPECIES, pa[ia + 4]);
            c40 = a.fma(b0, c40);
            c41 = a.fma(b1, c41);
            a = FloatVector.broadcast(SPECIES, pa[ia + 5]);
            c50 = a.fma(b0, c50);
            c51 = a.fma(b1, c51);
            ib += NR;
        }
        int r1 = at + ld, r2 = r1 + ld, r3 = r2 + ld, r4 = r3 + ld, r5 = r4 + ld;
        if (add) {
            c00 = c00.add(FloatVector.fromArray(SPECIES, out, at));
            c01 = c01.add(FloatVector.fromArray(SPECIES, out, at + LANES));
            c10 = c10.add(FloatVector.fromArray(SPECIES, out, r1));
            c11 = c11.add(FloatVector.fromArray(SPECIES, out, r1 + LANES));
            c20 = c20.add(FloatVector.fromArray(SPECIES, out, r2));
            c21 = c21.add(FloatVector.fromArray(SPECIES, out, r2 + LANES));
            c30 = c30.add(FloatVector.fromArray(SPECIES, out, r3));
            c31 = c31.add(FloatVector.fromArray(SPECIES, out, r3 + LANES));
            c40 = c40.add(FloatVector.fromArray(SPECIES, out, r4));
            c41 = c41.add(FloatVector.fromArray(SPECIES, out, r4 + LANES));
            c50 = c50.add(FloatVector.fromArray(SPECIES, out, r5));
            c51 = c51.add(FloatVector.fromArray(SPECIES, out, r5 + LANES));
        }
        c00.intoArray(out, at);
        c01.intoArray(out, at + LANES);
        c10.intoArray(out, r1);
        c11.intoArray(out, r1 + LANES);
        c20.intoArray(out, r2);
        c21.intoArray(out, r2 + LANES);
        c30.intoArray(out, r3);
        c31.intoArray(out, r3 + LANES);
        c40.intoArray(out, r4);
        c41.intoArray(out, r4 + LANES);
        c50.intoArray(out, r5);
        c51.intoArray(out, r5 + LANES);
    }

    /** Writes or adds the valid rows×cols part of a computed tile into C. */
    private static void merge(float[] tile, float[] c, int at, int ldc, int rows, int cols, boolean overwrite) {
        if (cols == NR) { // whole rows: two vectors each
            for (int r = 0; r < rows; r++) {
                int row = at + r * ldc;
                FloatVector left = FloatVector.fromArray(SPECIES, tile, r * NR);
                FloatVector right = FloatVector.fromArray(SPECIES, tile, r * NR + LANES);
                if (!overwrite) {
                    left = left.add(FloatVector.fromArray(SPECIES, c, row));
                    right = right.add(FloatVector.fromArray(SPECIES, c, row + LANES));
                }
                left.intoArray(c, row);
                right.intoArray(c, row + LANES);
            }
            return;
        }
        for (int r = 0; r < rows; r++) {
            for (int q = 0; q < cols; q++) {
                int i = at + r * ldc + q;
                c[i] = overwrite ? tile[r * NR + q] : c[i] + tile[r * NR + q];
            }
        }
    }
}
