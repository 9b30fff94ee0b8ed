package dev.masquerade.voice.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Dynamic time warping finds the cheapest monotone alignment: the recurrence against every path. */
class DtwTest {
    @Test
    @Tag("task-13.2")
    void aSequenceSpokenTwiceAsSlowlyAlignsAtNoCost() {
        double[][] a = {{0}, {1}, {4}, {2}};
        double[][] slow = {{0}, {0}, {1}, {1}, {4}, {4}, {2}, {2}};
        Dtw.Alignment alignment = Dtw.align(a, slow);
        assertEquals(0, alignment.cost());
        assertEquals(8, alignment.path().length);
        assertArrayEquals(new int[] {0, 0}, alignment.path()[0]);
        assertArrayEquals(new int[] {3, 7}, alignment.path()[7]);
    }

    @Test
    @Tag("task-13.2")
    void theRecurrenceFindsTheCheapestOfAllMonotonePaths() {
        Random random = new Random(4);
        for (int trial = 0; trial < 30; trial++) {
            double[][] a = frames(random, 1 + random.nextInt(5)), b = frames(random, 1 + random.nextInt(5));
            Dtw.Alignment alignment = Dtw.align(a, b);
            assertEquals(cheapest(a, b, 0, 0), alignment.cost(), 1e-9, "trial " + trial);
            double along = 0;
            for (int[] pair : alignment.path()) {
                along += Dtw.distance(a[pair[0]], b[pair[1]]);
            }
            assertEquals(alignment.cost(), along, 1e-9, "the path's distances add up to its cost");
        }
    }

    private static double[][] frames(Random random, int count) {
        double[][] f = new double[count][2];
        for (double[] frame : f) {
            frame[0] = random.nextGaussian();
            frame[1] = random.nextGaussian();
        }
        return f;
    }

    /** Brute force: every path from (i, j) to the end by steps (1, 0), (0, 1), (1, 1). */
    private static double cheapest(double[][] a, double[][] b, int i, int j) {
        double here = Dtw.distance(a[i], b[j]);
        if (i == a.length - 1 && j == b.length - 1) {
            return here;
        }
        double best = Double.POSITIVE_INFINITY;
        if (i + 1 < a.length) {
            best = Math.min(best, cheapest(a, b, i + 1, j));
        }
        if (j + 1 < b.length) {
            best = Math.min(best, cheapest(a, b, i, j + 1));
        }
        if (i + 1 < a.length && j + 1 < b.length) {
            best = Math.min(best, cheapest(a, b, i + 1, j + 1));
        }
        return here + best;
    }
}
