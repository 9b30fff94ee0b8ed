package dev.masquerade.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import org.junit.jupiter.api.Test;

/** Each initialiser draws from the distribution its paper prescribes. */
class InitTest {
    private static final int[] SHAPE = {200, 300};

    private static double std(Tensor t) {
        return Math.sqrt(t.var(new int[0], false).item());
    }

    @Test
    void kaimingKeepsTheVarianceAtTwoOverFanIn() {
        int fanIn = 300;
        double expected = Math.sqrt(2.0 / fanIn);
        assertEquals(expected, std(Init.kaimingNormal(new Rng(1), fanIn, Init.reluGain(), SHAPE)), expected * 0.02);
        assertEquals(expected, std(Init.kaimingUniform(new Rng(2), fanIn, Init.reluGain(), SHAPE)), expected * 0.02);
    }

    @Test
    void xavierBalancesFanInAndFanOut() {
        double bound = Math.sqrt(6.0 / (300 + 200));
        Tensor u = Init.xavierUniform(new Rng(3), 300, 200, SHAPE);
        assertTrue(u.abs().max().item() <= bound);
        assertEquals(bound / Math.sqrt(3), std(u), bound * 0.02);
        double sigma = Math.sqrt(2.0 / (300 + 200));
        assertEquals(sigma, std(Init.xavierNormal(new Rng(4), 300, 200, SHAPE)), sigma * 0.02);
    }

    @Test
    void dcganNormalHasMeanZeroAndDeviationTwoHundredths() {
        Tensor w = Init.normal(new Rng(5), 0, 0.02, SHAPE);
        assertEquals(0, w.mean().item(), 0.001);
        assertEquals(0.02, std(w), 0.001);
    }
}
