package dev.masquerade.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.array.Shape;
import dev.masquerade.engine.array.Storage;
import dev.masquerade.engine.array.StridedArray;
import dev.masquerade.engine.backend.BinaryOp;
import dev.masquerade.engine.backend.ReduceOp;
import dev.masquerade.engine.backend.UnaryOp;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Coursework assignment 0, fundamentals: how a tensor's numbers are laid out and combined,
 * before any gradient. Tasks 0.3 to 0.5 are the reference backend's element-wise kernels, which
 * every float64 tensor runs on; they are graded through the backend itself, so that no task of a
 * later assignment (the operations of {@code Tensor} that record gradients) is needed.
 * {@code mvn test -Dgroups=task-0.6} runs one task.
 */
class FundamentalsTasksTest {
    private static final double[] SAMPLES = {-800, -3.5, -1, -0.25, 0, 0.5, 2, 30, 800};
    private static final double[] POSITIVE = {1e-3, 0.25, 1, 2, 30, 800};

    private static Tensor f64(double... values) {
        return Tensor.of(values, DType.F64, values.length);
    }

    /** op applied by the CPU backend to float64 values. */
    private static double[] unary(UnaryOp op, double[] values, double... params) {
        Tensor x = f64(values), out = Tensor.empty(DType.F64, Device.CPU, values.length);
        x.backend().unary(op, x.array(), out.array(), params);
        return out.toDoubleArray();
    }

    private static void assertUnary(UnaryOp op, double[] inputs, DoubleUnaryOperator expected, double... params) {
        double[] got = unary(op, inputs, params);
        for (int i = 0; i < inputs.length; i++) {
            assertEquals(expected.applyAsDouble(inputs[i]), got[i], 1e-12 * Math.max(1, Math.abs(got[i])), op + "(" + inputs[i] + ")");
        }
    }

    private static void assertBinary(BinaryOp op, DoubleBinaryOperator expected) {
        double[] a = {-2, -0.5, 0, 1, 1.5, 3};
        double[] b = {1.5, -0.5, 2, 1, -4, 0.5};
        Tensor out = Tensor.empty(DType.F64, Device.CPU, a.length);
        f64(a).backend().binary(op, f64(a).array(), f64(b).array(), out.array());
        double[] got = out.toDoubleArray();
        for (int i = 0; i < a.length; i++) {
            assertEquals(expected.applyAsDouble(a[i], b[i]), got[i], 1e-12, op + "(" + a[i] + ", " + b[i] + ")");
        }
    }

    /** op over the given axes of the 2x3 matrix of values, by the CPU backend. */
    private static double[] reduce(ReduceOp op, double[] values, int axis, int... keptShape) {
        Tensor x = Tensor.of(values, DType.F64, 2, 3), out = Tensor.empty(DType.F64, Device.CPU, keptShape);
        x.backend().reduce(op, x.array(), new int[] {axis}, out.array());
        return out.toDoubleArray();
    }

    private static StridedArray view(int[] shape, int[] strides) {
        Storage storage = Tensor.of(new double[24], DType.F64, 24).storage();
        return StridedArray.of(storage, shape, strides, 0);
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
    void aNewTensorIsLaidOutRowMajor() {
        Tensor t = Tensor.of(new double[24], DType.F64, 2, 3, 4);
        assertArrayEquals(new int[] {12, 4, 1}, t.strides());
    }

    @Tag("task-0.2")
    @Test
    void rowMajorViewsAreContiguousAndRearrangedOnesAreNot() {
        assertTrue(view(new int[] {3, 4}, new int[] {4, 1}).isContiguous());
        assertFalse(view(new int[] {4, 3}, new int[] {1, 4}).isContiguous(), "a transpose steps by 4 along its last axis");
        assertFalse(view(new int[] {3, 2}, new int[] {4, 2}).isContiguous(), "every other column leaves gaps");
        assertFalse(view(new int[] {3, 5}, new int[] {1, 0}).isContiguous(), "an expanded axis has stride 0");
        assertTrue(view(new int[] {}, new int[] {}).isContiguous(), "a scalar");
    }

    @Tag("task-0.2")
    @Test
    void anAxisOfSizeOneMayHaveAnyStride() {
        assertFalse(view(new int[] {4, 1}, new int[] {3, 1}).isContiguous(), "one element of each row of 3: gaps of 2");
        assertTrue(view(new int[] {1, 3}, new int[] {7, 1}).isContiguous(), "the first axis of a [1, 3] view is never stepped along");
        assertTrue(view(new int[] {2, 1, 3}, new int[] {3, 99, 1}).isContiguous());
    }

    @Tag("task-0.3")
    @Test
    void unaryFunctionsMatchTheirDefinitions() {
        assertUnary(UnaryOp.NEG, SAMPLES, x -> -x);
        assertUnary(UnaryOp.EXP, new double[] {-3.5, -1, 0, 0.5, 2}, Math::exp);
        assertUnary(UnaryOp.LOG, POSITIVE, Math::log);
        assertUnary(UnaryOp.SQRT, POSITIVE, Math::sqrt);
        assertUnary(UnaryOp.ABS, SAMPLES, Math::abs);
        assertUnary(UnaryOp.SIGN, SAMPLES, Math::signum);
        assertUnary(UnaryOp.STEP, SAMPLES, x -> x > 0 ? 1 : 0);
        assertUnary(UnaryOp.RELU, SAMPLES, x -> Math.max(x, 0));
        assertUnary(UnaryOp.LEAKY_RELU, SAMPLES, x -> x > 0 ? x : 0.1 * x, 0.1);
        assertUnary(UnaryOp.TANH, SAMPLES, Math::tanh);
        assertUnary(UnaryOp.POW, POSITIVE, x -> Math.pow(x, 2.5), 2.5);
        assertUnary(UnaryOp.CLAMP, SAMPLES, x -> Math.min(Math.max(x, -1), 1), -1, 1);
    }

    @Tag("task-0.3")
    @Test
    void sigmoidAndSoftplusStayFiniteWhereExpOverflows() {
        assertUnary(UnaryOp.SIGMOID, SAMPLES, x -> x > 700 ? 1 : x < -700 ? 0 : 1 / (1 + Math.exp(-x)));
        assertUnary(UnaryOp.SOFTPLUS, SAMPLES, x -> x > 700 ? x : Math.log1p(Math.exp(x)));
    }

    @Tag("task-0.4")
    @Test
    void arithmeticIsElementByElement() {
        assertBinary(BinaryOp.ADD, (a, b) -> a + b);
        assertBinary(BinaryOp.SUB, (a, b) -> a - b);
        assertBinary(BinaryOp.MUL, (a, b) -> a * b);
        assertBinary(BinaryOp.DIV, (a, b) -> a / b);
        assertBinary(BinaryOp.MAX, Math::max);
        assertBinary(BinaryOp.MIN, Math::min);
        assertBinary(BinaryOp.POW, Math::pow);
    }

    @Tag("task-0.4")
    @Test
    void comparisonsGiveOneWhereTheyHold() {
        assertBinary(BinaryOp.EQ, (a, b) -> a == b ? 1 : 0);
        assertBinary(BinaryOp.GT, (a, b) -> a > b ? 1 : 0);
        assertBinary(BinaryOp.GE, (a, b) -> a >= b ? 1 : 0);
        assertBinary(BinaryOp.LT, (a, b) -> a < b ? 1 : 0);
        assertBinary(BinaryOp.LE, (a, b) -> a <= b ? 1 : 0);
    }

    @Tag("task-0.5")
    @Test
    void sumsAddEveryElementOfTheirBlock() {
        double[] matrix = {1, 2, 3, 4, 5, 6};
        assertArrayEquals(new double[] {5, 7, 9}, reduce(ReduceOp.SUM, matrix, 0, 1, 3));
        assertArrayEquals(new double[] {6, 15}, reduce(ReduceOp.SUM, matrix, 1, 2, 1));
    }

    @Tag("task-0.5")
    @Test
    void maximaKeepTheLargestEvenWhenAllAreNegative() {
        double[] matrix = {-7, -2, -9, -4, -3, -8};
        assertArrayEquals(new double[] {-4, -2, -8}, reduce(ReduceOp.MAX, matrix, 0, 1, 3));
        assertArrayEquals(new double[] {-2, -3}, reduce(ReduceOp.MAX, matrix, 1, 2, 1));
    }

    @Tag("task-0.6")
    @Test
    void shapesBroadcastFromTheRight() {
        assertArrayEquals(new int[] {2, 4, 3}, Shape.broadcast("add", new int[] {2, 1, 3}, new int[] {4, 1}));
        assertArrayEquals(new int[] {5, 4}, Shape.broadcast("add", new int[] {5, 4}, new int[] {1}));
        assertArrayEquals(new int[] {3}, Shape.broadcast("add", new int[] {}, new int[] {3}), "a scalar broadcasts against anything");
        assertArrayEquals(new int[] {6, 7}, Shape.broadcast("add", new int[] {6, 7}, new int[] {6, 7}));
    }

    @Tag("task-0.6")
    @Test
    void shapesThatDoNotBroadcastAreRejectedByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> Shape.broadcast("add", new int[] {2, 3}, new int[] {4}));
        assertTrue(e.getMessage().startsWith("add: cannot broadcast [2, 3] with [4]"), "the message begins with the operation and both shapes: "
                + e.getMessage());
    }

    @Tag("task-0.6")
    @Test
    void aColumnPlusARowIsATable() {
        Tensor column = Tensor.of(new double[] {0, 10, 20}, DType.F64, 3, 1);
        Tensor row = Tensor.of(new double[] {1, 2, 3, 4}, DType.F64, 1, 4);
        Tensor table = column.add(row);
        assertArrayEquals(new int[] {3, 4}, table.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 11, 12, 13, 14, 21, 22, 23, 24}, table.toDoubleArray());
    }
}
