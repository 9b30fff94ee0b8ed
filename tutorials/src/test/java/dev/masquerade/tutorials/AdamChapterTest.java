package dev.masquerade.tutorials;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.Parameter;
import dev.masquerade.nn.optim.Adam;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Chapter 18's key result, and the engine's fused Adam against the chapter's code. */
class AdamChapterTest {
    @Test
    void aConstantGradientOfAnyScaleStepsByTheLearningRate() {
        for (double g = 1e-4; g <= 1e4; g *= 10) {
            AdamChapter.Moments moments = new AdamChapter.Moments();
            for (int t = 0; t < 5; t++) {
                assertEquals(AdamChapter.LEARNING_RATE, moments.step(g, true), 1e-6 * AdamChapter.LEARNING_RATE / Math.min(g, 1) + 1e-9,
                        "g = " + g);
            }
        }
    }

    @Test
    void theEnginesFusedUpdateFollowsTheChaptersCode() {
        SplittableRandom random = new SplittableRandom(18);
        Parameter p = new Parameter(Tensor.zeros(DType.F64, Device.CPU, 1));
        Adam adam = new Adam(List.of(p), AdamChapter.LEARNING_RATE, AdamChapter.BETA1, AdamChapter.BETA2);
        AdamChapter.Moments moments = new AdamChapter.Moments();
        double expected = 0;
        for (int t = 0; t < 30; t++) {
            double g = random.nextDouble(-2, 2);
            adam.zeroGrad();
            p.value().mul(g).sum().backward();
            adam.step();
            expected -= moments.step(g, true);
            assertEquals(expected, p.value().item(), 1e-12, "step " + (t + 1));
        }
    }
}
