package dev.masquerade.engine.ops;

import dev.masquerade.engine.Autograd;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Shape;
import java.util.Arrays;

/**
 * Constant padding. {@code padding} holds (before, after) pairs starting from the last axis,
 * as in PyTorch: {@code {1, 1, 2, 2}} adds one column left and right and two rows above and
 * below. The padded cells are constants, so the gradient is the interior of the output
 * gradient: a slice. Tutorial: tutorials/02-broadcasting.md.
 */
public final class Padding {
    private Padding() {
    }

    public static Tensor pad(Tensor x, int[] padding, double value) {
        if (padding.length % 2 != 0 || padding.length / 2 > x.rank()) {
            throw new IllegalArgumentException("pad: padding " + Arrays.toString(padding) + " must hold (before, after) pairs for at most "
                    + x.rank() + " axes of " + Shape.str(x.shape()));
        }
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
        return Autograd.record("pad", out, g -> new Tensor[] {interior(g, padding, x.shape())}, x);
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
