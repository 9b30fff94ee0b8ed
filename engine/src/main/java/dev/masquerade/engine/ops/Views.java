package dev.masquerade.engine.ops;

import dev.masquerade.engine.Autograd;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Shape;
import java.util.Arrays;
import java.util.Map;

/**
 * Operations that change how storage is read, not the numbers: reshape, permute, slice,
 * expand. They copy nothing (except {@link #contiguous} and a {@link #reshape} that must).
 * Their backward passes undo the change of view on the gradient: reshape back, permute by
 * the inverse order, place the slice into zeros, sum over expanded axes.
 * Tutorial: tutorials/02-broadcasting.md.
 */
public final class Views {
    private Views() {
    }

    /** A view in another shape, copying first when the strides do not allow one. d reshape = reshape back. */
    public static Tensor reshape(Tensor x, int... newShape) {
        return x.isContiguous() ? view(x, newShape) : view(contiguous(x), newShape);
    }

    /** A view of a contiguous tensor in another shape. d view = view back. */
    public static Tensor view(Tensor x, int... newShape) {
        int[] shape = inferShape("view", x.shape(), newShape);
        if (!x.isContiguous()) {
            throw new IllegalArgumentException("view: a tensor of shape " + Shape.str(x.shape()) + " with strides " + Shape.str(x.strides())
                    + " is not contiguous, so it cannot be viewed as " + Shape.str(shape) + "; use reshape() (which copies) or contiguous() first");
        }
        Tensor out = Tensor.asStrided(x.storage(), shape, Shape.contiguousStrides(shape), x.offset());
        return Autograd.record("view", out, g -> new Tensor[] {g.reshape(x.shape())}, x);
    }

    /** Axis i of the result is axis order[i] of x. d permute = permute by the inverse order. */
    public static Tensor permute(Tensor x, int... order) {
        int rank = x.rank();
        if (order.length != rank) {
            throw new IllegalArgumentException("permute: order " + Arrays.toString(order) + " names " + order.length
                    + " axes but the tensor " + Shape.str(x.shape()) + " has " + rank);
        }
        int[] inverse = new int[rank];
        boolean[] seen = new boolean[rank];
        int[] shape = new int[rank];
        int[] strides = new int[rank];
        for (int i = 0; i < rank; i++) {
            int axis = Shape.normalizeAxis("permute", order[i], rank);
            if (seen[axis]) {
                throw new IllegalArgumentException("permute: axis " + axis + " appears twice in " + Arrays.toString(order));
            }
            seen[axis] = true;
            // BEGIN SOLUTION task-2.2: a permutation is a view: axis i of the result takes the size and stride of x's axis, and the inverse order (which its backward applies) sends that axis back to i (see tutorials/02-broadcasting.md)
            inverse[axis] = i;
            shape[i] = x.shape()[axis];
            strides[i] = x.strides()[axis];
            // END SOLUTION
        }
        Tensor out = Tensor.asStrided(x.storage(), shape, strides, x.offset());
        return Autograd.record("permute", Map.of("order", order.clone()), out, g -> new Tensor[] {g.permute(inverse)}, x);
    }

    /** Swaps two axes (a permutation). */
    public static Tensor transpose(Tensor x, int axisA, int axisB) {
        int[] order = new int[x.rank()];
        Arrays.setAll(order, i -> i);
        int a = Shape.normalizeAxis("transpose", axisA, x.rank());
        int b = Shape.normalizeAxis("transpose", axisB, x.rank());
        order[a] = b;
        order[b] = a;
        return permute(x, order);
    }

    /** Every step-th element of [start, end) along axis. d slice = the gradient placed into zeros at the slice. */
    public static Tensor slice(Tensor x, int axis, int start, int end, int step) {
        int a = Shape.normalizeAxis("slice", axis, x.rank());
        int size = x.shape()[a];
        if (start < 0 || end > size || start >= end || step < 1) {
            throw new IllegalArgumentException("slice: range [" + start + ", " + end + ") step " + step
                    + " does not fit axis " + a + " of size " + size + " in " + Shape.str(x.shape()));
        }
        Tensor out = rawSlice(x, a, start, end, step);
        return Autograd.record("slice", Map.of("axis", a, "start", start, "end", end, "step", step), out, g -> {
            // BEGIN SOLUTION task-2.6: slice's backward: the gradient placed into zeros of x's shape at the slice, with embed (see tutorials/02-broadcasting.md)
            return new Tensor[] {embed(g, x.shape(), a, start, end, step, 0)};
            // END SOLUTION
        }, x);
    }

    /** Repeats size-1 axes (and new leading axes) without copying; -1 keeps a size. d expand = sum over the repeats. */
    public static Tensor expand(Tensor x, int... newShape) {
        int[] own = x.shape();
        int lead = newShape.length - own.length;
        if (lead < 0) {
            throw new IllegalArgumentException("expand: cannot expand " + Shape.str(own) + " to fewer axes " + Arrays.toString(newShape));
        }
        int[] shape = newShape.clone();
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1 && i >= lead) {
                shape[i] = own[i - lead];
            }
            if (shape[i] < 1 || (i >= lead && own[i - lead] != 1 && own[i - lead] != shape[i])) {
                throw new IllegalArgumentException("expand: cannot expand " + Shape.str(own) + " to " + Arrays.toString(newShape)
                        + ": only axes of size 1 can grow");
            }
        }
        if (Arrays.equals(shape, own)) {
            return x;
        }
        Tensor out = Arithmetic.broadcastView(x, shape);
        return Autograd.record("expand", out, g -> new Tensor[] {Arithmetic.sumToShape(g, own)}, x);
    }

    /** A row-major copy (or x itself when already contiguous). d contiguous = identity. */
    public static Tensor contiguous(Tensor x) {
        return x.isContiguous() ? x : copy("contiguous", x);
    }

    /** A row-major copy in new memory, always. d copy = identity: the gradient passes through. */
    public static Tensor copy(String name, Tensor x) {
        Tensor out = Tensor.empty(x.dtype(), x.device(), x.shape());
        x.backend().copy(x.array(), out.array());
        return Autograd.record(name, out, g -> new Tensor[] {g}, x);
    }

    /** Inserts a size-1 axis at position axis (which may equal the rank). */
    public static Tensor unsqueeze(Tensor x, int axis) {
        int a = Shape.normalizeAxis("unsqueeze", axis < 0 ? axis + 1 : axis, x.rank() + 1);
        int[] shape = new int[x.rank() + 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            shape[i] = i == a ? 1 : x.shape()[j++];
        }
        return reshape(x, shape);
    }

    /** Removes a size-1 axis. */
    public static Tensor squeeze(Tensor x, int axis) {
        int a = Shape.normalizeAxis("squeeze", axis, x.rank());
        if (x.shape()[a] != 1) {
            throw new IllegalArgumentException("squeeze: axis " + a + " of " + Shape.str(x.shape()) + " has size " + x.shape()[a] + ", not 1");
        }
        return reshape(x, Shape.reduced(x.shape(), new int[] {a}, false));
    }

    /** A slice view that records nothing, for building other operations. */
    static Tensor rawSlice(Tensor x, int axis, int start, int end, int step) {
        // BEGIN SOLUTION task-2.1: a slice is a view of the same storage: start moves the offset, step multiplies the axis's stride, and the axis keeps the elements of [start, end) that the step lands on (see tutorials/02-broadcasting.md)
        int[] shape = x.shape();
        int[] strides = x.strides();
        int offset = x.offset() + start * strides[axis];
        shape[axis] = (end - start + step - 1) / step;
        strides[axis] *= step;
        return Tensor.asStrided(x.storage(), shape, strides, offset);
        // END SOLUTION
    }

    /** A tensor of {@code shape} filled with {@code fill}, with {@code part} copied into the given slice. */
    static Tensor embed(Tensor part, int[] shape, int axis, int start, int end, int step, double fill) {
        Tensor out = Tensor.full(fill, part.dtype(), part.device(), shape);
        part.backend().copy(part.array(), rawSlice(out, axis, start, end, step).array());
        return out;
    }

    private static int[] inferShape(String op, int[] from, int[] requested) {
        int[] shape = requested.clone();
        int unknown = -1;
        int known = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1 && unknown < 0) {
                unknown = i;
            } else if (shape[i] < 1) {
                throw new IllegalArgumentException(op + ": size " + shape[i] + " in " + Arrays.toString(requested) + " is not allowed (sizes are >= 1, one may be -1)");
            } else {
                known *= shape[i];
            }
        }
        int numel = Shape.numel(from);
        if (unknown >= 0 && known > 0 && numel % known == 0) {
            shape[unknown] = numel / known;
        }
        if (Shape.numel(shape) != numel || (unknown >= 0 && shape[unknown] == -1)) {
            throw new IllegalArgumentException(op + ": cannot view " + Shape.str(from) + " (" + numel + " elements) as "
                    + Arrays.toString(requested));
        }
        return shape;
    }
}
