package dev.masquerade.nn.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.testing.GradientCase;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Coursework assignment 5, the face swap's losses: the masked (weighted) reduction of a
 * per-pixel loss (task 5.1) and SSIM (task 5.2), by worked examples and by the gradient
 * properties of the losses built on them. {@code mvn test -Dgroups=task-5.2} runs one task.
 */
class FaceSwapLossTasksTest {
    private static final double TOLERANCE = 1e-12;

    private static Tensor f64(double[] values, int... shape) {
        return Tensor.of(values, DType.F64, shape);
    }

    private static Stream<DynamicContainer> properties(String... names) {
        return LossPropertiesTest.cases().stream().filter(c -> java.util.Arrays.asList(names).contains(c.name())).map(GradientCase::tests);
    }

    @Tag("task-5.1")
    @Test
    void aMaskedMeanAveragesOverTheMaskOnly() {
        Tensor prediction = f64(new double[] {1, 2, 3, 4}, 1, 1, 2, 2);
        Tensor target = f64(new double[4], 1, 1, 2, 2);
        Tensor mask = f64(new double[] {1, 0, 1, 0}, 1, 1, 2, 2);
        assertEquals(2.5, Losses.l1(prediction, target).item(), TOLERANCE, "no mask: the mean of 1, 2, 3, 4");
        assertEquals(2, Losses.l1(prediction, target, Reduction.MEAN, mask).item(), TOLERANCE, "(1 + 3) / 2 pixels of face");
        assertEquals(5, Losses.mse(prediction, target, Reduction.MEAN, mask).item(), TOLERANCE, "(1 + 9) / 2");
        assertEquals(4, Losses.l1(prediction, target, Reduction.SUM, mask).item(), TOLERANCE);
        assertArrayEquals(new double[] {1, 0, 3, 0}, Losses.l1(prediction, target, Reduction.NONE, mask).toDoubleArray());
    }

    @Tag("task-5.1")
    @Test
    void theBackgroundGetsNoGradient() {
        Tensor prediction = f64(new double[] {0.2, 0.9, 0.4, 0.1}, 1, 1, 2, 2).requiresGrad(true);
        Tensor mask = f64(new double[] {0, 1, 1, 0}, 1, 1, 2, 2);
        Losses.l1(prediction, f64(new double[] {0.5, 0.5, 0.5, 0.5}, 1, 1, 2, 2), Reduction.MEAN, mask).backward();
        assertArrayEquals(new double[] {0, 0.5, -0.5, 0}, prediction.grad().toDoubleArray(), TOLERANCE, "sign(p - t) / 2 inside, 0 outside");
    }

    @Tag("task-5.1")
    @TestFactory
    Stream<DynamicContainer> weightedLosses() {
        return properties("mse, weighted sum", "l1, weighted mean", "l1");
    }

    @Tag("task-5.2")
    @Test
    void constantImagesDifferOnlyInLuminance() {
        // no variance and no covariance: SSIM = (2 mx my + c1) / (mx² + my² + c1), with c1 = (0.01 · 1)²
        Tensor grey = Tensor.full(0.5, DType.F64, 1, 1, 11, 11);
        Tensor lighter = Tensor.full(0.7, DType.F64, 1, 1, 11, 11);
        double c1 = 1e-4;
        assertEquals((2 * 0.5 * 0.7 + c1) / (0.25 + 0.49 + c1), Ssim.ssim(grey, lighter).item(), TOLERANCE);
    }

    @Tag("task-5.2")
    @Test
    void anImageIsMostLikeItself() {
        Tensor image = Tensor.rand(new Rng(3), DType.F64, Device.CPU, 2, 3, 16, 16);
        Tensor noisy = image.add(Tensor.randn(new Rng(4), DType.F64, 2, 3, 16, 16).mul(0.1));
        assertEquals(1, Ssim.ssim(image, image).item(), TOLERANCE);
        double similarity = Ssim.ssim(image, noisy).item();
        assertTrue(similarity < 0.95 && similarity > 0, "noise lowers SSIM: " + similarity);
        assertEquals(similarity, Ssim.ssim(noisy, image).item(), TOLERANCE, "SSIM is symmetric");
    }

    @Tag("task-5.2")
    @TestFactory
    Stream<DynamicContainer> dssim() {
        return properties("dssim");
    }
}
