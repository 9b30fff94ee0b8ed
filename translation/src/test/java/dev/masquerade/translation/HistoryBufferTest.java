package dev.masquerade.translation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** CycleGAN's pool of earlier fakes: filled first, then half the pictures shown come from the past. */
class HistoryBufferTest {

    private static Tensor batchOf(double first, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = first + i;
        }
        return Tensor.of(values, n, 1, 1, 1);
    }

    @Test
    @Tag("task-9.4")
    void untilItIsFullThePoolShowsEachFakeAndKeepsIt() {
        HistoryBuffer pool = new HistoryBuffer(4, new Rng(1));
        assertArrayEquals(new float[] {0, 1, 2}, pool.exchange(batchOf(0, 3)).toFloatArray());
        assertEquals(3, pool.size());
    }

    @Test
    @Tag("task-9.4")
    void onceFullAboutHalfOfWhatItShowsIsOld() {
        HistoryBuffer pool = new HistoryBuffer(50, new Rng(2));
        pool.exchange(batchOf(0, 50)); // fakes 0..49 fill it
        int old = 0, shown = 0;
        Set<Float> seen = new HashSet<>();
        for (int step = 1; step <= 40; step++) {
            for (float v : pool.exchange(batchOf(1000 * step, 10)).toFloatArray()) {
                old += v < 1000 * step ? 1 : 0;
                shown++;
                seen.add(v);
            }
            assertEquals(50, pool.size());
        }
        double share = (double) old / shown;
        assertTrue(share > 0.4 && share < 0.6, "share of old fakes shown: " + share);
        assertTrue(seen.size() > 300, "the pool keeps changing");
    }

    @Test
    void withoutCapacityTheLatestFakesAreShownDetached() {
        Tensor fakes = batchOf(5, 2).requiresGrad(true).mul(2);
        Tensor shown = new HistoryBuffer(0, new Rng(3)).exchange(fakes);
        assertArrayEquals(fakes.toFloatArray(), shown.toFloatArray());
        assertTrue(!shown.requiresGrad());
    }
}
