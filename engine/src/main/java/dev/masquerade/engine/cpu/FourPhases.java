package dev.masquerade.engine.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * A row of pixels as four phases, columns 4t, 4t + 1, 4t + 2 and 4t + 3, and back: the layout
 * change F(4×4, 3×3)'s transforms need at both ends ({@link WinogradConvolution}), where a
 * vector holds one value of each of several tiles side by side. Done one value at a time it
 * cost the convolution as much as its products; here four vectors of the row become four
 * vectors of phases by permuting each (one instruction) and blending the four results.
 */
final class FourPhases {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Tiles whose four columns one vector holds. */
    static final int TILES = LANES / 4;
    /** Split: lane l of phase q comes from lane 4·(l mod TILES) + q of row vector l / TILES. */
    private static final VectorShuffle<Float> SPLIT0 = VectorShuffle.fromOp(SPECIES, l -> 4 * (l % TILES));
    private static final VectorShuffle<Float> SPLIT1 = VectorShuffle.fromOp(SPECIES, l -> 4 * (l % TILES) + 1);
    private static final VectorShuffle<Float> SPLIT2 = VectorShuffle.fromOp(SPECIES, l -> 4 * (l % TILES) + 2);
    private static final VectorShuffle<Float> SPLIT3 = VectorShuffle.fromOp(SPECIES, l -> 4 * (l % TILES) + 3);
    /** The lanes of a phase vector that row vector k fills. */
    private static final VectorMask<Float> FROM1 = VectorMask.fromLong(SPECIES, ((1L << TILES) - 1) << TILES);
    private static final VectorMask<Float> FROM2 = VectorMask.fromLong(SPECIES, ((1L << TILES) - 1) << 2 * TILES);
    private static final VectorMask<Float> FROM3 = VectorMask.fromLong(SPECIES, ((1L << TILES) - 1) << 3 * TILES);
    /** Join: lane l of row vector k comes from lane k·TILES + l / 4 of phase l mod 4. */
    private static final VectorShuffle<Float> JOIN0 = VectorShuffle.fromOp(SPECIES, l -> l / 4);
    private static final VectorShuffle<Float> JOIN1 = VectorShuffle.fromOp(SPECIES, l -> TILES + l / 4);
    private static final VectorShuffle<Float> JOIN2 = VectorShuffle.fromOp(SPECIES, l -> 2 * TILES + l / 4);
    private static final VectorShuffle<Float> JOIN3 = VectorShuffle.fromOp(SPECIES, l -> 3 * TILES + l / 4);
    /** The lanes of a row vector that phase q fills. */
    private static final VectorMask<Float> PHASE1 = VectorMask.fromLong(SPECIES, 0x2222_2222_2222_2222L);
    private static final VectorMask<Float> PHASE2 = VectorMask.fromLong(SPECIES, 0x4444_4444_4444_4444L);
    private static final VectorMask<Float> PHASE3 = VectorMask.fromLong(SPECIES, 0x8888_8888_8888_8888L);

    private FourPhases() {
    }

    /** Whether vectors hold whole tiles (4, 8 or 16 floats do). */
    static boolean available() {
        return LANES % 4 == 0;
    }

    /** Floats {@link #split} reads for count tiles: whole vectors of tiles. */
    static int rowLength(int count) {
        return 4 * ((count + LANES - 1) / LANES * LANES);
    }

    /**
     * phase q[t] = row[from + 4t + q] for t &lt; count, phase q written at dst[to + q·step + t];
     * whole vectors, so values past count are garbage (see {@link WinogradTransform#combine}).
     */
    static void split(float[] row, int from, int count, float[] dst, int to, int step) {
        for (int t = 0; t < count; t += LANES) {
            int at = from + 4 * t;
            FloatVector r0 = FloatVector.fromArray(SPECIES, row, at), r1 = FloatVector.fromArray(SPECIES, row, at + LANES);
            FloatVector r2 = FloatVector.fromArray(SPECIES, row, at + 2 * LANES), r3 = FloatVector.fromArray(SPECIES, row, at + 3 * LANES);
            r0.rearrange(SPLIT0).blend(r1.rearrange(SPLIT0), FROM1).blend(r2.rearrange(SPLIT0), FROM2).blend(r3.rearrange(SPLIT0), FROM3)
                    .intoArray(dst, to + t);
            r0.rearrange(SPLIT1).blend(r1.rearrange(SPLIT1), FROM1).blend(r2.rearrange(SPLIT1), FROM2).blend(r3.rearrange(SPLIT1), FROM3)
                    .intoArray(dst, to + step + t);
            r0.rearrange(SPLIT2).blend(r1.rearrange(SPLIT2), FROM1).blend(r2.rearrange(SPLIT2), FROM2).blend(r3.rearrange(SPLIT2), FROM3)
                    .intoArray(dst, to + 2 * step + t);
            r0.rearrange(SPLIT3).blend(r1.rearrange(SPLIT3), FROM1).blend(r2.rearrange(SPLIT3), FROM2).blend(r3.rearrange(SPLIT3), FROM3)
                    .intoArray(dst, to + 3 * step + t);
        }
    }

    /**
     * Four vectors of row, {@code staging[4t + q] = phase q[t]} for t &lt; the vector length, from
     * phase q at src[from + q·step..]: each run of {@link #TILES} tiles is one vector of the row.
     */
    static void join(float[] src, int from, int step, float[] staging) {
        FloatVector p0 = FloatVector.fromArray(SPECIES, src, from), p1 = FloatVector.fromArray(SPECIES, src, from + step);
        FloatVector p2 = FloatVector.fromArray(SPECIES, src, from + 2 * step), p3 = FloatVector.fromArray(SPECIES, src, from + 3 * step);
        p0.rearrange(JOIN0).blend(p1.rearrange(JOIN0), PHASE1).blend(p2.rearrange(JOIN0), PHASE2).blend(p3.rearrange(JOIN0), PHASE3)
                .intoArray(staging, 0);
        p0.rearrange(JOIN1).blend(p1.rearrange(JOIN1), PHASE1).blend(p2.rearrange(JOIN1), PHASE2).blend(p3.rearrange(JOIN1), PHASE3)
                .intoArray(staging, LANES);
        p0.rearrange(JOIN2).blend(p1.rearrange(JOIN2), PHASE1).blend(p2.rearrange(JOIN2), PHASE2).blend(p3.rearrange(JOIN2), PHASE3)
                .intoArray(staging, 2 * LANES);
        p0.rearrange(JOIN3).blend(p1.rearrange(JOIN3), PHASE1).blend(p2.rearrange(JOIN3), PHASE2).blend(p3.rearrange(JOIN3), PHASE3)
                .intoArray(staging, 3 * LANES);
    }
}
