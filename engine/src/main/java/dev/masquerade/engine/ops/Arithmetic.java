package dev.masquerade.engine.ops;

import dev.masquerade.engine.Autograd;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.Trace;
import dev.masquerade.engine.array.Shape;
import dev.masquerade.engine.backend.Backend;
import dev.masquerade.engine.backend.BinaryOp;
import java.util.Arrays;
import java.util.Map;

/**
 * The four arithmetic operations and element-wise max/min, with NumPy broadcasting.
 *
 * <p>Broadcasting repeats an input along axes where it has size 1 (or lacks the axis). Each
 * repetition contributes to the output, so in the backward pass the gradient of a broadcast
 * input is the output's gradient summed over the repeated axes: {@link #sumToShape}.
 * Tutorial: tutorials/02-broadcasting.md.
 */
public final class Arithmetic {
    private Arithmetic() {
    }

    /** d(a+b)/da = 1, d(a+b)/db = 1. */
    public static Tensor add(Tensor a, Tensor b) {
        Tensor out = binary("add", BinaryOp.ADD, a, b);
        return Autograd.record("add", out, g -> new Tensor[] {
                Autograd.ifNeeded(a, () -> sumToShape(g, a.shape())), Autograd.ifNeeded(b, () -> sumToShape(g, b.shape()))}, a, b);
    }

    /** d(a−b)/da = 1, d(a−b)/db = −1. */
    public static Tensor sub(Tensor a, Tensor b) {
        Tensor out = binary("sub", BinaryOp.SUB, a, b);
        return Autograd.record("sub", out, g -> new Tensor[] {
                Autograd.ifNeeded(a, () -> sumToShape(g, a.shape())), Autograd.ifNeeded(b, () -> sumToShape(g.neg(), b.shape()))}, a, b);
    }

    /** d(a·b)/da = b, d(a·b)/db = a. */
    public static Tensor mul(Tensor a, Tensor b) {
        Tensor out = binary("mul", BinaryOp.MUL, a, b);
        return Autograd.record("mul", out, g -> new Tensor[] {
                Autograd.ifNeeded(a, () -> sumToShape(g.mul(b), a.shape())), Autograd.ifNeeded(b, () -> sumToShape(g.mul(a), b.shape()))}, a, b);
    }

    /** d(a/b)/da = 1/b, d(a/b)/db = −a/b². */
    public static Tensor div(Tensor a, Tensor b) {
        Tensor out = binary("div", BinaryOp.DIV, a, b);
        return Autograd.record("div", out, g -> new Tensor[] {
                Autograd.ifNeeded(a, () -> sumToShape(g.div(b), a.shape())),
                Autograd.ifNeeded(b, () -> sumToShape(g.mul(out).div(b).neg(), b.shape()))}, a, b);
    }

    /** d aᵇ/da = b·aᵇ⁻¹, d aᵇ/db = aᵇ·ln a (a &gt; 0 where b's gradient is wanted). */
    public static Tensor pow(Tensor a, Tensor b) {
        Tensor out = binary("pow", BinaryOp.POW, a, b);
        return Autograd.record("pow", out, g -> new Tensor[] {
                Autograd.ifNeeded(a, () -> sumToShape(g.mul(b).mul(pow(a, b.sub(1))), a.shape())),
                Autograd.ifNeeded(b, () -> sumToShape(g.mul(out).mul(a.log()), b.shape()))}, a, b);
    }

    /** d max(a,b)/da = 1 where a ≥ b, else 0 (and the reverse for b, so a tie sends the gradient to a). */
    public static Tensor maximum(Tensor a, Tensor b) {
        return extremum("maximum", BinaryOp.MAX, BinaryOp.GE, a, b);
    }

    /** d min(a,b)/da = 1 where a ≤ b, else 0 (a tie sends the gradient to a). */
    public static Tensor minimum(Tensor a, Tensor b) {
        return extremum("minimum", BinaryOp.MIN, BinaryOp.LE, a, b);
    }

    /** The larger or smaller of a and b: the gradient goes to whichever won, by the mask aWins. */
    private static Tensor extremum(String name, BinaryOp pick, BinaryOp aWinsWhen, Tensor a, Tensor b) {
        Tensor out = binary(name, pick, a, b);
        return Autograd.record(name, out, g -> {
            Tensor aWins = compare(aWinsWhen, a, b);
            return new Tensor[] {Autograd.ifNeeded(a, () -> sumToShape(g.mul(aWins), a.shape())),
                    Autograd.ifNeeded(b, () -> sumToShape(g.sub(g.mul(aWins)), b.shape()))};
        }, a, b);
    }

    /** A 0/1 mask of a comparison, broadcasting; not differentiable (its derivative is 0 almost everywhere). */
    public static Tensor compare(BinaryOp comparison, Tensor a, Tensor b) {
        String name = comparison.name().toLowerCase();
        return Trace.record(name, Map.of(), binary(name, comparison, a, b), a, b); // a graph must compute it, not keep it as a constant
    }

    /**
     * Sums a gradient over the axes along which an input of {@code shape} was broadcast, so the
     * result has exactly that shape.
     */
    public static Tensor sumToShape(Tensor grad, int[] shape) {
        int[] gradShape = grad.shape();
        if (Arrays.equals(gradShape, shape)) {
            return grad;
        }
        // BEGIN SOLUTION task-2.3: sum the gradient over the leading axes the input lacked and the axes where it had size 1, then reshape it to the input's shape (see tutorials/02-broadcasting.md)
        int lead = gradShape.length - shape.length;
        int[] axes = java.util.stream.IntStream.range(0, gradShape.length)
                .filter(i -> i < lead || (shape[i - lead] == 1 && gradShape[i] != 1))
                .toArray();
        Tensor summed = axes.length == 0 ? grad : grad.sum(axes, true);
        return summed.reshape(shape);
        // END SOLUTION
    }

    /** Checks that tensors share a device and a dtype and returns their backend. */
    public static Backend sameBackend(String op, Tensor... tensors) {
        Tensor first = tensors[0];
        for (Tensor t : tensors) {
            if (!t.device().equals(first.device())) {
                throw new IllegalArgumentException(op + ": tensors are on different devices, " + first.device() + " and " + t.device()
                        + "; move one with to(Device)");
            }
            if (t.dtype() != first.dtype()) {
                throw new IllegalArgumentException(op + ": tensors have different dtypes, " + first.dtype() + " and " + t.dtype()
                        + "; convert one with to(DType)");
            }
        }
        return first.backend();
    }

    /** Rejects index tensors where floating-point values are needed. */
    static void requireFloatingPoint(String op, Tensor t) {
        if (!t.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(op + ": needs F32 or F64 values, got " + t.dtype() + "; convert with to(DType.F32)");
        }
    }

    private static Tensor binary(String op, BinaryOp code, Tensor a, Tensor b) {
        Backend backend = sameBackend(op, a, b);
        requireFloatingPoint(op, a);
        int[] shape = Shape.broadcast(op, a.shape(), b.shape());
        Tensor out = Tensor.empty(a.dtype(), a.device(), shape);
        backend.binary(code, broadcastView(a, shape).array(), broadcastView(b, shape).array(), out.array());
        return out;
    }

    /** A stride-0 view of t repeated to shape; the caller has checked that shapes broadcast. */
    static Tensor broadcastView(Tensor t, int[] shape) {
        int[] own = t.shape();
        int[] ownStrides = t.strides();
        int lead = shape.length - own.length;
        int[] strides = new int[shape.length];
        for (int i = lead; i < shape.length; i++) {
            strides[i] = own[i - lead] == shape[i] ? ownStrides[i - lead] : 0;
        }
        return Tensor.asStrided(t.storage(), shape, strides, t.offset());
    }
}
