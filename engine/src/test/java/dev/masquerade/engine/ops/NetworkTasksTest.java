package dev.masquerade.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Coursework assignment 4, networks (the engine's part): convolution through im2col and its
 * gradients, max pooling and its gradient. Each task is graded by a worked example and by the
 * gradient properties of the operations that need it (the reference backend, float64, is where
 * these kernels run). {@code mvn test -Dgroups=task-4.1} runs one task.
 */
class NetworkTasksTest {

    private static Tensor f64(double[] values, int... shape) {
        return Tensor.of(values, DType.F64, shape);
    }

    @Tag("task-4.1")
    @Test
    void aPaddedConvolutionOfAWorkedExample() {
        // the 3x3 image 1..9 with the kernel [[1, 0], [0, -1]] and one pixel of zero padding:
        // each output is (pixel at the tap's top left) - (pixel at its bottom right)
        Tensor image = f64(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3);
        Tensor kernel = f64(new double[] {1, 0, 0, -1}, 1, 1, 2, 2);
        Tensor out = image.conv2d(kernel, null, 1, 1, 1);
        assertArrayEquals(new int[] {1, 1, 4, 4}, out.shape());
        assertArrayEquals(new double[] {
            -1, -2, -3, 0,
            -4, -4, -4, 3,
            -7, -4, -4, 6,
            0, 7, 8, 9}, out.toDoubleArray());
    }

    @Tag("task-4.1")
    @TestFactory
    Stream<DynamicTest> convolutionsAndTheirTransposes() {
        // forward passes only (float32 against float64): the gradient is task 4.2; the transpose runs col2im forwards
        return Stream.of("conv2d", "convTranspose2d").flatMap(op -> GradientCases.named(op).stream()).map(c -> c.float32Test());
    }

    @Tag("task-4.2")
    @TestFactory
    Stream<DynamicTest> convolutionGradients() {
        return GradientCases.named("conv2d").stream().map(c -> c.gradientTest());
    }

    @Tag("task-4.3")
    @Test
    void paddingNeverWinsAMaximum() {
        Tensor negative = f64(new double[] {-5, -1, -3, -2}, 1, 1, 2, 2);
        Tensor out = negative.maxPool2d(2, 1, 1);
        assertArrayEquals(new double[] {-5, -1, -1, -3, -1, -1, -3, -2, -2}, out.toDoubleArray(), "the zeros of padding are not values");
    }

    @Tag("task-4.3")
    @TestFactory
    Stream<DynamicTest> maxPooling() {
        return GradientCases.named("maxPool2d").stream().map(c -> c.float32Test()); // the gradient is task 4.4
    }

    @Tag("task-4.4")
    @Test
    void overlappingWindowsAddTheirGradients() {
        // a 3x3 window sliding by 1 over a 4x4 image: each of the four windows holds the pixel 50
        double[] values = {
            0, 1, 2, 3,
            4, 50, 6, 7,
            8, 9, 10, 11,
            12, 13, 14, 15};
        Tensor x = f64(values, 1, 1, 4, 4).requiresGrad(true);
        x.maxPool2d(3, 1, 0).sum().backward();
        assertArrayEquals(new double[] {
            0, 0, 0, 0,
            0, 4, 0, 0,
            0, 0, 0, 0,
            0, 0, 0, 0}, x.grad().toDoubleArray(), "50 wins all four windows, so it receives four gradients");
    }

    @Tag("task-4.4")
    @TestFactory
    Stream<DynamicTest> maxPoolingGradient() {
        return GradientCases.named("maxPool2d").stream().map(c -> c.gradientTest());
    }
}
