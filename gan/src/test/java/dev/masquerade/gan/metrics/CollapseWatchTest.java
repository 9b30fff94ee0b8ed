package dev.masquerade.gan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Collapse is reported once when it starts, and healthy training reports nothing. */
class CollapseWatchTest {
    @Test
    void aDiscriminatorLossNearZeroIsReportedOnce() {
        CollapseWatch watch = new CollapseWatch();
        List<String> warnings = new ArrayList<>();
        for (int step = 1; step <= 300; step++) {
            warnings.addAll(watch.step(step, step <= 100 ? 1.2 : 0.001));
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("discriminator's loss fell"), warnings.get(0));
    }

    @Test
    void coverageFallingTwoBelowItsBestIsModeCollapse() {
        CollapseWatch watch = new CollapseWatch();
        assertEquals(List.of(), watch.coverage("epoch 1", 8, 10));
        assertEquals(List.of(), watch.coverage("epoch 2", 10, 10));
        assertEquals(List.of(), watch.coverage("epoch 3", 9, 10)); // one class less is noise
        List<String> warnings = watch.coverage("epoch 4", 7, 10);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("coverage dropped to 7 of 10 from 10"), warnings.get(0));
        assertEquals(List.of(), watch.coverage("epoch 5", 6, 10)); // still collapsed: not reported again
    }

    @Test
    void healthyTrainingWarnsOfNothing() {
        CollapseWatch watch = new CollapseWatch();
        for (int step = 1; step <= 500; step++) {
            assertEquals(List.of(), watch.step(step, 1.0 + 0.1 * Math.sin(step)));
        }
    }
}
