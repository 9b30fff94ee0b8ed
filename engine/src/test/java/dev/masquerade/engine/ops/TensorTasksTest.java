package dev.masquerade.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Coursework assignment 2, tensors: views (slices and permutations), then the gradients of
 * broadcasting, of reductions and of the matrix product. A view is graded by what it shows of its
 * storage and by its operation's properties; a backward rule by the gradient property alone, as
 * the forward pass works without it. {@code mvn test -Dgroups=task-2.3} runs one task.
 */
class TensorTasksTest {

    private static Tensor numbers(int... shape) {
        int n = java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        return Tensor.arange(0, n, 1, DType.F64, Device.CPU).reshape(shape);
    }

    /** Both properties (gradient, float32 against float64) of the named operations. */
    private static Stream<DynamicContainer> properties(String... operations) {
        return Stream.of(operations).flatMap(op -> GradientCases.named(op).stream()).map(c -> c.tests());
    }

    /** The gradient property alone, for a task that is only the backward pass. */
    private static Stream<DynamicTest> gradients(String... operations) {
        return Stream.of(operations).flatMap(op -> GradientCases.named(op).stream()).map(c -> c.gradientTest());
    }

    @Tag("task-2.1")
    @Test
    void aSliceIsAViewWithAnOffsetAndALongerStride() {
        Tensor row = numbers(10);
        Tensor every3rd = row.slice(0, 1, 8, 3);
        assertArrayEquals(new double[] {1, 4, 7}, every3rd.toDoubleArray());
        assertArrayEquals(new int[] {3}, every3rd.strides());
        assertEquals(1, every3rd.offset());
        assertSame(row.storage(), every3rd.storage(), "a slice copies nothing");
    }

    @Tag("task-2.1")
    @Test
    void aSliceAlongAnInnerAxisKeepsTheOtherStrides() {
        Tensor grid = numbers(3, 4);
        Tensor columns = grid.slice(1, 1, 4, 2);
        assertArrayEquals(new int[] {3, 2}, columns.shape());
        assertArrayEquals(new int[] {4, 2}, columns.strides());
        assertArrayEquals(new double[] {1, 3, 5, 7, 9, 11}, columns.toDoubleArray());
        assertArrayEquals(new double[] {5, 9}, grid.slice(0, 1, 3, 1).slice(1, 1, 2, 1).toDoubleArray(), "a slice of a slice");
    }

    @Tag("task-2.2")
    @Test
    void aPermutationReordersShapeAndStridesOverTheSameStorage() {
        Tensor t = numbers(2, 3, 4);
        Tensor p = t.permute(2, 0, 1);
        assertArrayEquals(new int[] {4, 2, 3}, p.shape());
        assertArrayEquals(new int[] {1, 12, 4}, p.strides());
        assertSame(t.storage(), p.storage(), "a permutation copies nothing");
        assertArrayEquals(new double[] {0, 4, 8, 12, 16, 20}, p.slice(0, 0, 1, 1).toDoubleArray());
    }

    @Tag("task-2.2")
    @TestFactory
    Stream<DynamicContainer> permuteAndTranspose() {
        return properties("permute", "transpose");
    }

    @Tag("task-2.3")
    @TestFactory
    Stream<DynamicTest> broadcastInputsGetGradientsOfTheirOwnShape() {
        return gradients("add", "mul");
    }

    @Tag("task-2.4")
    @TestFactory
    Stream<DynamicTest> sum() {
        return gradients("sum");
    }

    @Tag("task-2.5")
    @TestFactory
    Stream<DynamicTest> matmul() {
        return gradients("matmul");
    }

    @Tag("task-2.6")
    @TestFactory
    Stream<DynamicTest> sliceGradient() {
        return gradients("slice");
    }

    @Tag("task-2.7")
    @TestFactory
    Stream<DynamicTest> maxAndMin() {
        return gradients("max", "min");
    }

    @Tag("task-2.8")
    @TestFactory
    Stream<DynamicContainer> varianceAndStandardDeviation() {
        return properties("var", "std");
    }

    @Tag("task-2.8")
    @Test
    void varianceDividesByNMinusOneWhenUnbiased() {
        Tensor x = Tensor.of(new double[] {2, 4, 4, 4, 5, 5, 7, 9}, DType.F64, 8);
        assertEquals(4.0, x.var(new int[] {0}, false, false).item(), 1e-12);
        assertEquals(32.0 / 7, x.var(new int[] {0}, true, false).item(), 1e-12);
    }
}
