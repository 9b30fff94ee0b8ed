package dev.masquerade.engine.ops;

import dev.masquerade.engine.Autograd;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Shape;
import java.util.Map;

/**
 * Choosing elements: by a mask ({@link #where}) or by position ({@link #gather},
 * {@link #indexSelect}). The gradient goes back to the chosen elements only.
 * Tutorial: tutorials/05-softmax-and-cross-entropy.md (gather picks the target's log-probability).
 */
public final class Selection {
    private Selection() {
    }

    /** condition ≠ 0 ? a : b. d/da = condition ≠ 0, d/db = condition = 0; no gradient for the mask. */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) {
        Arithmetic.sameBackend("where", a, b);
        if (!condition.device().equals(a.device())) {
            throw new IllegalArgumentException("where: the condition is on " + condition.device() + " but the values on " + a.device());
        }
        int[] shape = Shape.broadcast("where", Shape.broadcast("where", condition.shape(), a.shape()), b.shape());
        Tensor out = Tensor.empty(a.dtype(), a.device(), shape);
        a.backend().where(Arithmetic.broadcastView(condition, shape).array(), Arithmetic.broadcastView(a, shape).array(),
                Arithmetic.broadcastView(b, shape).array(), out.array());
        return Autograd.record("where", out, g -> {
            Tensor zero = g.scalarLike(0);
            return new Tensor[] {null,
                    Arithmetic.sumToShape(where(condition, g, zero), a.shape()),
                    Arithmetic.sumToShape(where(condition, zero, g), b.shape())};
        }, condition, a, b);
    }

    /**
     * out[..., j, ...] = x[..., index[..., j, ...], ...] along axis. Gather reads, so its
     * adjoint adds: dL/dx = scatterAdd of the gradient to the positions read.
     */
    public static Tensor gather(Tensor x, int axis, Tensor index) {
        int a = Shape.normalizeAxis("gather", axis, x.rank());
        checkIndex("gather", x, a, index);
        int[] xs = x.shape();
        int[] is = index.shape();
        for (int d = 0; d < xs.length; d++) {
            if (d != a && xs[d] != is[d]) {
                throw new IllegalArgumentException("gather: index " + Shape.str(is) + " must match input " + Shape.str(xs)
                        + " on every axis except " + a);
            }
        }
        Tensor out = Tensor.empty(x.dtype(), x.device(), is);
        x.backend().gather(x.array(), a, index.array(), out.array());
        return Autograd.record("gather", Map.of("axis", a, "index", index), out, g -> {
            Tensor gradInput = Tensor.zeros(x.dtype(), x.device(), xs);
            x.backend().scatterAdd(g.array(), a, index.array(), gradInput.array());
            return new Tensor[] {gradInput};
        }, x);
    }

    /** The slices at the positions of a rank-1 index along axis: gather with the index repeated over the other axes. */
    public static Tensor indexSelect(Tensor x, int axis, Tensor index) {
        int a = Shape.normalizeAxis("indexSelect", axis, x.rank());
        if (index.rank() != 1) {
            throw new IllegalArgumentException("indexSelect: the index must have rank 1, got " + Shape.str(index.shape()));
        }
        int[] outShape = x.shape();
        outShape[a] = index.size(0);
        int[] column = new int[x.rank()];
        java.util.Arrays.fill(column, 1);
        column[a] = index.size(0);
        return gather(x, a, index.reshape(column).expand(outShape));
    }

    private static void checkIndex(String op, Tensor x, int axis, Tensor index) {
        Arithmetic.requireFloatingPoint(op, x);
        if (index.dtype() != DType.I32) {
            throw new IllegalArgumentException(op + ": the index must be I32 (Tensor.indices(...)), got " + index.dtype());
        }
        if (index.rank() != x.rank()) {
            throw new IllegalArgumentException(op + ": index " + Shape.str(index.shape()) + " and input " + Shape.str(x.shape()) + " need the same rank");
        }
        if (!index.device().equals(x.device())) {
            throw new IllegalArgumentException(op + ": the index is on " + index.device() + " but the input on " + x.device());
        }
        int size = x.size(axis);
        for (double i : index.toDoubleArray()) {
            if (i < 0 || i >= size) {
                throw new IllegalArgumentException(op + ": index " + (long) i + " is out of range for axis " + axis + " of size " + size
                        + " in " + Shape.str(x.shape()));
            }
        }
    }
}
