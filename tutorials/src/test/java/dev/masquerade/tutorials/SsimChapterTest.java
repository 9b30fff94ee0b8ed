package dev.masquerade.tutorials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.loss.Ssim;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Chapter 11: the key result against central differences, and the engine's windowed DSSIM against central differences. */
class SsimChapterTest {
    private final SplittableRandom random = new SplittableRandom(11);

    @Test
    void theKeyResultIsTheGradient() {
        for (int trial = 0; trial < 20; trial++) {
            double[] x = random.doubles(6, 0, 1).toArray(), y = random.doubles(6, 0, 1).toArray();
            Tensor target = SsimChapter.vector(x);
            assertArrayEquals(Gradients.numeric(v -> SsimChapter.ssim(target, v), y, 6), SsimChapter.gradient(x, y), 1e-8);
        }
    }

    @Test
    void theEnginesWindowedDssimHasTheRightGradient() {
        double[] x = random.doubles(144, 0, 1).toArray(), y = random.doubles(144, 0, 1).toArray();
        Tensor target = Tensor.of(x, DType.F64, Device.CPU, 1, 1, 12, 12);
        assertArrayEquals(Gradients.numeric(v -> Ssim.dssim(target, v), y, 1, 1, 12, 12),
                Gradients.engine(v -> Ssim.dssim(target, v), y, 1, 1, 12, 12), 1e-8);
    }
}
