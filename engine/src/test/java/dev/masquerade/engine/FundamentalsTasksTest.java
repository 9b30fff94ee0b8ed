package dev.masquerade.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Shape;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Coursework assignment 0, fundamentals: how a tensor's numbers are laid out and combined,
 * before any gradient. Tasks 0.3 to 0.5 are the reference backend's element-wise kernels, which
 * every float64 tensor runs on, so they are graded through float64 tensors against
 * {@link Math}. {@code mvn test -Dgroups=task-0.2} runs one task.
 */
class FundamentalsTasksTest {
    private static final double[] SAMPLES = {-800, -3.5, -1, -0.25, 0, 0.5, 2, 30, 800};

    private static Tensor f64(double... values) {
        return Tensor.of(values, DType.F64, values.length);
    }

    private static void assertUnary(String name, double[] inputs, UnaryOperator<Tensor> op, DoubleUnaryOperator expected) {
        double[] got = op.apply(f64(inputs)).toDoubleArray();
        for (int i = 0; i < inputs.length; i++) {
            assertEquals(expected.applyAsDouble(inputs[i]), got[i], 1e-12 * Math.max(1, Math.abs(got[i])), name + "(" + inputs[i] + ")");
        }
    }

    private static void assertBinary(String name, java.util.function.BinaryOperator<Tensor> op, DoubleBinaryOperator expected) {
        double[] a = {-2, -0.5, 0, 1, 1.5, 3};
        double[] b = {1.5, -0.5, 2, 1, -4, 0.5};
        double[] got = op.apply(f64(a), f64(b)).toDoubleArray();
        for (int i = 0; i < a.length; i++) {
            assertEquals(expected.applyAsDouble(a[i], b[i]), got[i], 1e-12, name + "(" + a[i] + ", " + b[i] + ")");
        }
    }

    @Tag("task-0.1")
    @Test
    void rowMajorStridesStepOneAlongTheLastAxis() {
        assertArrayEquals(new int[] {12, 4, 1}, Shape.contiguousStrides(new int[] {2, 3, 4}));
        assertArrayEquals(new int[] {1}, Shape.contiguousStrides(new int[] {5}));
        assertArrayEquals(new int[] {2, 2, 1}, Shape.contiguousStrides(new int[] {3, 1, 2}));
        assertArrayEquals(new int[] {}, Shape.contiguousStrides(new int[] {}), "a scalar has no axes to step along");
    }

    @Tag("task-0.1")
    @Test
    void aTensorsElementIsFoundThroughItsStrides() {
        Tensor t = Tensor.of(new double[24], DType.F64, 2, 3, 4);
        assertArrayEquals(new int[] {12, 4, 1}, t.strides());
        assertTrue(t.isContiguous());
    }

    @Tag("task-0.2")
    @Test
    void shapesBroadcastFromTheRight() {
        assertArrayEquals(new int[] {2, 4, 3}, Shape.broadcast("add", new int[] {2, 1, 3}, new int[] {4, 1}));
        assertArrayEquals(new int[] {5, 4}, Shape.broadcast("add", new int[] {5, 4}, new int[] {1}));
        assertArrayEquals(new int[] {3}, Shape.broadcast("add", new int[] {}, new int[] {3}), "a scalar broadcasts against anything");
        assertArrayEquals(new int[] {6, 7}, Shape.broadcast("add", new int[] {6, 7}, new int[] {6, 7}));
    }

    @Tag("task-0.2")
    @Test
    void shapesThatDoNotBroadcastAreRejectedByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> Shape.broadcast("add", new int[] {2, 3}, new int[] {4}));
        assertTrue(e.getMessage().startsWith("add: cannot broadcast [2, 3] with [4]"), e.getMessage());
    }

    @Tag("task-0.2")
    @Test
    void aColumnPlusARowIsATable() {
        Tensor column = Tensor.of(new double[] {0, 10, 20}, DType.F64, 3, 1);
        Tensor row = Tensor.of(new double[] {1, 2, 3, 4}, DType.F64, 1, 4);
        Tensor table = column.add(row);
        assertArrayEquals(new int[] {3, 4}, table.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 11, 12, 13, 14, 21, 22, 23, 24}, table.toDoubleArray());
    }

    @Tag("task-0.3")
    @Test
    void unaryFunctionsMatchTheirDefinitions() {
        double[] positive = {1e-3, 0.25, 1, 2, 30, 800};
        assertUnary("neg", SAMPLES, Tensor::neg, x -> -x);
        assertUnary("exp", new double[] {-3.5, -1, 0, 0.5, 2}, Tensor::exp, Math::exp);
        assertUnary("log", positive, Tensor::log, Math::log);
        assertUnary("sqrt", positive, Tensor::sqrt, Math::sqrt);
        assertUnary("abs", SAMPLES, Tensor::abs, Math::abs);
        assertUnary("relu", SAMPLES, Tensor::relu, x -> Math.max(x, 0));
        assertUnary("leakyRelu", SAMPLES, t -> t.leakyRelu(0.1), x -> x > 0 ? x : 0.1 * x);
        assertUnary("tanh", SAMPLES, Tensor::tanh, Math::tanh);
        assertUnary("pow", positive, t -> t.pow(2.5), x -> Math.pow(x, 2.5));
        assertUnary("clamp", SAMPLES, t -> t.clamp(-1, 1), x -> Math.min(Math.max(x, -1), 1));
    }

    @Tag("task-0.3")
    @Test
    void sigmoidAndSoftplusStayFiniteWhereExpOverflows() {
        assertUnary("sigmoid", SAMPLES, Tensor::sigmoid, x -> x > 700 ? 1 : x < -700 ? 0 : 1 / (1 + Math.exp(-x)));
        assertUnary("softplus", SAMPLES, Tensor::softplus, x -> x > 700 ? x : Math.log1p(Math.exp(x)));
    }

    @Tag("task-0.4")
    @Test
    void arithmeticIsElementByElement() {
        assertBinary("add", Tensor::add, (a, b) -> a + b);
        assertBinary("sub", Tensor::sub, (a, b) -> a - b);
        assertBinary("mul", Tensor::mul, (a, b) -> a * b);
        assertBinary("div", Tensor::div, (a, b) -> a / b);
        assertBinary("maximum", Tensor::maximum, Math::max);
        assertBinary("minimum", Tensor::minimum, Math::min);
    }

    @Tag("task-0.4")
    @Test
    void comparisonsGiveOneWhereTheyHold() {
        assertBinary("eq", Tensor::eq, (a, b) -> a == b ? 1 : 0);
        assertBinary("gt", Tensor::gt, (a, b) -> a > b ? 1 : 0);
        assertBinary("ge", Tensor::ge, (a, b) -> a >= b ? 1 : 0);
        assertBinary("lt", Tensor::lt, (a, b) -> a < b ? 1 : 0);
        assertBinary("le", Tensor::le, (a, b) -> a <= b ? 1 : 0);
    }

    @Tag("task-0.5")
    @Test
    void sumsAddEveryElementOfTheirBlock() {
        Tensor t = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, DType.F64, 2, 3);
        assertEquals(21, t.sum().item());
        assertArrayEquals(new double[] {5, 7, 9}, t.sum(new int[] {0}, false).toDoubleArray());
        assertArrayEquals(new double[] {6, 15}, t.sum(new int[] {1}, false).toDoubleArray());
    }

    @Tag("task-0.5")
    @Test
    void maximaKeepTheLargestEvenWhenAllAreNegative() {
        Tensor t = Tensor.of(new double[] {-7, -2, -9, -4, -3, -8}, DType.F64, 2, 3);
        assertEquals(-2, t.max().item());
        assertArrayEquals(new double[] {-4, -2, -8}, t.max(new int[] {0}, false).toDoubleArray());
        assertArrayEquals(new double[] {-2, -3}, t.max(new int[] {1}, false).toDoubleArray());
    }
}
