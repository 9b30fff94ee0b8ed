package dev.masquerade.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Bilinear sampling reads pictures where a grid says, as PyTorch's grid_sample does; soft-argmax finds a heatmap's peak. */
class SamplingTest {
    private final Rng rng = new Rng(30);

    private static Tensor grid(double... xy) {
        return Tensor.of(xy, DType.F64, Device.CPU, 1, 1, xy.length / 2, 2);
    }

    @Tag("task-11.1")
    @Test
    void samplingAtThePixelCentresGivesThePictureBack() {
        Tensor picture = Tensor.randn(rng, 2, 3, 5, 7).to(DType.F64);
        Tensor centres = Sampling.coordinateGrid(5, 7, DType.F64, Device.CPU).unsqueeze(0).expand(2, 5, 7, 2);
        assertArrayEquals(picture.toDoubleArray(), picture.gridSample(centres).toDoubleArray(), 1e-12);
    }

    @Tag("task-11.1")
    @Test
    void aPointBetweenPixelsMixesThemAndAPointBeyondThePictureReadsZero() {
        Tensor picture = Tensor.of(new double[] {1, 3, 5, 7}, DType.F64, Device.CPU, 1, 1, 1, 4); // pixel centres at x = −0.75, −0.25, 0.25, 0.75
        double[] read = picture.gridSample(grid(-0.5, 0, 0.25, 0, 1.5, 0, 1, 0)).toDoubleArray();
        assertEquals(2, read[0], 1e-12, "halfway between the first two pixels");
        assertEquals(5, read[1], 1e-12, "on the third pixel's centre");
        assertEquals(0, read[2], 1e-12, "far beyond the picture");
        assertEquals(3.5, read[3], 1e-12, "the outer edge of the last pixel: half of it, half of the zero beyond");
    }

    /** torch.nn.functional.grid_sample(arange(12).reshape(1, 1, 3, 4), grid, align_corners=False) in float64, then sum().backward(). */
    private static Tensor[] pyTorchCase() {
        Tensor picture = Tensor.of(IntStream.range(0, 12).asDoubleStream().toArray(), DType.F64, Device.CPU, 1, 1, 3, 4).requiresGrad(true);
        Tensor points = grid(-0.9, 0.2, 0.35, -1.1, 1.05, 0.8).requiresGrad(true);
        return new Tensor[] {picture, points, picture.gridSample(points)};
    }

    @Tag("task-11.1")
    @Test
    void valuesMatchPyTorch() {
        assertArrayEquals(new double[] {3.64, 0.77, 3.52}, pyTorchCase()[2].toDoubleArray(), 1e-12);
    }

    @Tag("task-11.1")
    @TestFactory
    Stream<DynamicTest> float32AgreesWithFloat64() {
        return GradientCases.named("gridSample").stream().map(c -> c.float32Test());
    }

    @Tag("task-11.2")
    @Test
    void gradientsMatchPyTorch() {
        Tensor[] c = pyTorchCase();
        c[2].sum().backward();
        assertArrayEquals(new double[] {10.4, 4.2, 0.7, 3.3, -17.6, -6.6}, c[1].grad().toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0.28, 0.07, 0.49, 0, 0, 0, 0.21, 0, 0, 0.32}, c[0].grad().toDoubleArray(), 1e-12);
    }

    @Tag("task-11.2")
    @TestFactory
    Stream<DynamicTest> gradientsMatchFiniteDifferences() {
        return GradientCases.named("gridSample").stream().map(c -> c.gradientTest());
    }

    @Test
    void softArgmaxFindsASharpPeakAndMovesSmoothly() {
        double[] heat = new double[4 * 6];
        heat[2 * 6 + 5] = 50; // row 2, column 5 of a 4×6 heatmap: centre x = 11/6 − 1, y = 5/4 − 1
        Tensor peak = Tensor.of(heat, DType.F64, Device.CPU, 1, 1, 4, 6).softArgmax();
        assertArrayEquals(new double[] {11.0 / 6 - 1, 5.0 / 4 - 1}, peak.toDoubleArray(), 1e-9);
        Tensor flat = Tensor.zeros(DType.F64, Device.CPU, 1, 1, 4, 6).softArgmax();
        assertArrayEquals(new double[] {0, 0}, flat.toDoubleArray(), 1e-12, "a flat heatmap's point is the middle");
    }

    @Test
    void mismatchedShapesAreNamed() {
        Tensor picture = Tensor.zeros(DType.F64, Device.CPU, 2, 1, 4, 4);
        var error = assertThrows(IllegalArgumentException.class, () -> picture.gridSample(Tensor.zeros(DType.F64, Device.CPU, 1, 3, 3, 2)));
        assertTrue(error.getMessage().contains("gridSample: needs a picture [N, C, H, W] and points [N, Ho, Wo, 2], got [2, 1, 4, 4] and [1, 3, 3, 2]"),
                error.getMessage());
        var heat = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(DType.F64, Device.CPU, 4, 4).softArgmax());
        assertTrue(heat.getMessage().contains("softArgmax: needs heatmaps [N, K, H, W]"), heat.getMessage());
    }
}
