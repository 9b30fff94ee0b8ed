package dev.masquerade.engine.ops;

import dev.masquerade.engine.Autograd;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Shape;
import java.util.Arrays;
import java.util.Map;

/**
 * Padding: with a constant, or by reflection. Constant padding: {@code padding} holds (before, after) pairs starting from the last axis,
 * as in PyTorch: {@code {1, 1, 2, 2}} adds one column left and right and two rows above and
 * below. The padded cells are constants, so the gradient is the interior of the output
 * gradient: a slice. Reflection padding mirrors the picture at its edges instead (the edge
 * pixel itself is not repeated), so a convolution near the border sees picture-like values
 * rather than a frame of zeros; CycleGAN's generator pads this way. Tutorials:
 * tutorials/02-broadcasting.md, tutorials/25-cycle-consistency.md.
 */
public final class Padding {
    private Padding() {
    }

    public static Tensor pad(Tensor x, int[] padding, double value) {
        requirePairs("pad", x, padding);
        int[] shape = x.shape();
        for (int i = 0; i < padding.length / 2; i++) {
            int axis = x.rank() - 1 - i;
            if (padding[2 * i] < 0 || padding[2 * i + 1] < 0) {
                throw new IllegalArgumentException("pad: padding " + Arrays.toString(padding) + " has a negative amount; use narrow() to crop");
            }
            shape[axis] += padding[2 * i] + padding[2 * i + 1];
        }
        Tensor out = Tensor.full(value, x.dtype(), x.device(), shape);
        x.backend().copy(x.array(), interior(out, padding, x.shape()).array());
        return Autograd.record("pad", Map.of("padding", padding.clone(), "value", value), out, g -> new Tensor[] {interior(g, padding, x.shape())}, x);
    }

    /**
     * Reflection padding: {@code padding} as for {@link #pad}, each amount smaller than its
     * axis (PyTorch's ReflectionPad: [a b c d] padded by 2 on both sides is [c b a b c d c b]).
     */
    public static Tensor reflect(Tensor x, int[] padding) {
        requirePairs("padReflect", x, padding);
        Tensor out = x;
        for (int i = 0; i < padding.length / 2; i++) {
            int axis = x.rank() - 1 - i;
            if (padding[2 * i] < 0 || padding[2 * i + 1] < 0 || Math.max(padding[2 * i], padding[2 * i + 1]) >= x.size(axis)) {
                throw new IllegalArgumentException("padReflect: padding " + Arrays.toString(padding) + " needs amounts from 0 to "
                        + (x.size(axis) - 1) + " for axis " + axis + " of " + Shape.str(x.shape()) + " (a reflection cannot reach past the far edge)");
            }
            if (padding[2 * i] + padding[2 * i + 1] > 0) {
                out = reflectAxis(out, axis, padding[2 * i], padding[2 * i + 1]);
            }
        }
        return out;
    }

    /**
     * One axis of reflection padding: output position j reads input position r(j), a gather.
     * Each input element is read by one or two output positions, so its gradient is the sum of
     * theirs: dL/dx = scatterAdd(dL/dy) to the positions read.
     */
    private static Tensor reflectAxis(Tensor x, int axis, int before, int after) {
        int[] read = reflectedPositions(before, x.size(axis), after);
        int[] column = new int[x.rank()];
        Arrays.fill(column, 1);
        column[axis] = read.length;
        int[] shape = x.shape();
        shape[axis] = read.length;
        Tensor index = Tensor.of(Arrays.stream(read).asDoubleStream().toArray(), DType.I32, x.device(), column).expand(shape);
        Tensor out = Tensor.empty(x.dtype(), x.device(), shape);
        x.backend().gather(x.array(), axis, index.array(), out.array());
        return Autograd.record("padReflect", Map.of("axis", axis, "before", before, "after", after), out, g -> {
            Tensor gradInput = Tensor.zeros(x.dtype(), x.device(), x.shape());
            x.backend().scatterAdd(g.array(), axis, index.array(), gradInput.array());
            return new Tensor[] {gradInput};
        }, x);
    }

    /** For each of the before + size + after output positions, the input position it reads. */
    static int[] reflectedPositions(int before, int size, int after) {
        // BEGIN SOLUTION task-9.1: the input position each output position j reads: j - before inside, mirrored about the first element before it and about the last element after it, the edge element itself not repeated (see tutorials/25-cycle-consistency.md)
        int[] read = new int[before + size + after];
        for (int j = 0; j < read.length; j++) {
            int i = Math.abs(j - before); // mirrored at the first element
            read[j] = i < size ? i : 2 * (size - 1) - i; // and at the last
        }
        return read;
        // END SOLUTION
    }

    private static void requirePairs(String op, Tensor x, int[] padding) {
        if (padding.length % 2 != 0 || padding.length / 2 > x.rank()) {
            throw new IllegalArgumentException(op + ": padding " + Arrays.toString(padding) + " must hold (before, after) pairs for at most "
                    + x.rank() + " axes of " + Shape.str(x.shape()));
        }
    }

    /** The view of a padded tensor that holds the original elements. */
    private static Tensor interior(Tensor padded, int[] padding, int[] originalShape) {
        Tensor view = padded;
        for (int i = 0; i < padding.length / 2; i++) {
            int axis = padded.rank() - 1 - i;
            view = Views.rawSlice(view, axis, padding[2 * i], padding[2 * i] + originalShape[axis], 1);
        }
        return view;
    }
}
