package dev.masquerade.gan.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import org.junit.jupiter.api.Test;

/** The ring's samples and the coverage count that judges generators against it. */
class RingTest {
    @Test
    void realSamplesCoverEveryModeAndLieNearOne() {
        Ring.Coverage c = Ring.coverage(Ring.sample(new Rng(1), 4000));
        assertEquals(8, c.modesCovered());
        assertTrue(c.nearFraction() > 0.98, "near fraction " + c.nearFraction()); // 3σ holds 98.9% of a 2-d Gaussian
        for (int count : c.perMode()) {
            assertTrue(Math.abs(count - 500) < 100, "points per mode " + count);
        }
    }

    @Test
    void aCollapsedGeneratorCoversOneModeAndPointsBetweenModesCoverNone() {
        double[] centre = Ring.centre(3);
        Tensor collapsed = Tensor.of(new double[] {centre[0], centre[1]}, 1, 2).expand(100, 2).contiguous();
        assertEquals(1, Ring.coverage(collapsed).modesCovered());
        Tensor origin = Tensor.zeros(100, 2);
        assertEquals(0, Ring.coverage(origin).modesCovered());
        assertEquals(0, Ring.coverage(origin).nearFraction());
    }
}
