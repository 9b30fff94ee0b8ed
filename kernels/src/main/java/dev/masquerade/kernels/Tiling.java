package dev.masquerade.kernels;

import java.util.List;

/**
 * How {@code matmul_register_blocked.cl} cuts a product into work for a GPU: a {@code tileM ×
 * tileN} tile of C per work-group, the depth staged {@code tileK} at a time in local memory, a
 * {@code blockM × blockN} block of C per work-item in registers, and, for a product too
 * skinny to fill the device, the depth cut into {@code splits} slices whose partial products
 * are summed afterwards (split-K: a 32 × 512 product of depth 8192 has only eight 64 × 64
 * tiles, so without it eight of a GPU's hundred-odd multiprocessors would do all the work).
 *
 * <p>Which tiling is fastest depends on the device and on the product's shape, so the
 * backend times the candidates on each new shape and remembers the winner ({@link MatmulTuner}),
 * as PyTorch does for convolutions with {@code torch.backends.cudnn.benchmark}. Tutorial 19
 * explains what each number trades.
 */
record Tiling(int tileM, int tileN, int tileK, int blockM, int blockN, boolean vectorReads, int splits) {
    /** Rung 4 of the ladder as tutorial 19 builds it. */
    static final Tiling RUNG_4 = new Tiling(64, 64, 16, 4, 4, false, 1);
    /** For products too small to be worth timing: small tiles, so that even they fill several work-groups. */
    static final Tiling SMALL = new Tiling(32, 32, 16, 2, 2, false, 1);

    /**
     * What the tuner tries on a GPU: rung 4, larger tiles with larger register blocks (fewer
     * local-memory reads per multiply-add, fewer work-groups), the same with float4 reads from
     * local memory, small tiles (more work-groups), and split-K for skinny products.
     */
    static final List<Tiling> GPU_CANDIDATES = List.of(
            RUNG_4,
            new Tiling(128, 128, 8, 8, 8, false, 1),
            new Tiling(128, 128, 16, 8, 8, false, 1),
            new Tiling(128, 64, 16, 8, 4, false, 1),
            new Tiling(64, 128, 16, 4, 8, false, 1),
            new Tiling(64, 64, 16, 8, 8, false, 1),
            new Tiling(64, 64, 16, 4, 4, true, 1),
            new Tiling(128, 128, 8, 8, 8, true, 1),
            new Tiling(128, 128, 16, 8, 8, true, 1),
            new Tiling(128, 64, 16, 8, 4, true, 1),
            new Tiling(64, 128, 16, 4, 8, true, 1),
            new Tiling(32, 64, 16, 4, 4, false, 1),
            SMALL,
            new Tiling(64, 64, 16, 4, 4, false, 4),
            new Tiling(64, 64, 16, 4, 4, false, 16),
            new Tiling(32, 32, 16, 2, 2, false, 8));

    Tiling {
        if (tileM % blockM != 0 || tileN % blockN != 0 || tileM % 4 != 0 || tileN % 4 != 0 || tileK % 4 != 0 || splits < 1
                || (vectorReads && (blockM % 4 != 0 || blockN % 4 != 0))) {
            throw new IllegalArgumentException("not a tiling matmul_register_blocked.cl can run: " + tileM + "x" + tileN + "x" + tileK
                    + "/" + blockM + "x" + blockN + (vectorReads ? " with float4 reads" : "") + " split " + splits);
        }
    }

    /** Work-items per work-group. */
    int threads() {
        return (tileM / blockM) * (tileN / blockN);
    }

    /** Local memory per work-group: one tile of A and one of B. */
    long localBytes() {
        return 4L * tileK * (tileM + tileN);
    }

    /** The compiler options that select this tiling in matmul_register_blocked.cl (split-K is the host's business). */
    String defines() {
        return "-DTSM=" + tileM + " -DTSN=" + tileN + " -DTSK=" + tileK + " -DWPTM=" + blockM + " -DWPTN=" + blockN
                + (vectorReads ? " -DVECTOR_READS=1" : "");
    }

    /** The depth is cut only where the slices are equal and the product has a single matrix. */
    boolean splitsProduct(int batches, int depth) {
        return splits > 1 && batches == 1 && depth % splits == 0 && depth >= splits;
    }

    /**
     * "128x128x8/8x8", with "/float4" where the registers are filled with float4 reads and
     * "/split4" where the depth is split: the form the tuning cache keeps.
     */
    @Override
    public String toString() {
        return tileM + "x" + tileN + "x" + tileK + "/" + blockM + "x" + blockN + (vectorReads ? "/float4" : "") + (splits > 1 ? "/split" + splits : "");
    }

    /** The inverse of {@link #toString}; IllegalArgumentException for anything else. */
    static Tiling parse(String text) {
        String[] parts = text.trim().split("/");
        if (parts.length < 2 || parts.length > 4) {
            throw new IllegalArgumentException(text);
        }
        String[] tile = parts[0].split("x");
        String[] block = parts[1].split("x");
        if (tile.length != 3 || block.length != 2) {
            throw new IllegalArgumentException(text);
        }
        boolean vectorReads = false;
        int splits = 1;
        for (int i = 2; i < parts.length; i++) {
            if (parts[i].equals("float4") && i == 2) {
                vectorReads = true;
            } else if (parts[i].startsWith("split") && i == parts.length - 1) {
                splits = Integer.parseInt(parts[i].substring("split".length()));
            } else {
                throw new IllegalArgumentException(text);
            }
        }
        return new Tiling(Integer.parseInt(tile[0]), Integer.parseInt(tile[1]), Integer.parseInt(tile[2]),
                Integer.parseInt(block[0]), Integer.parseInt(block[1]), vectorReads, splits);
    }
}
