package dev.masquerade.engine.ops;

import dev.masquerade.engine.Autograd;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Shape;
import java.util.List;
import java.util.Map;

/**
 * Joining tensors. Each input lands in its own slice of the output, so its gradient is that
 * slice of the output's gradient. Tutorial: tutorials/02-broadcasting.md.
 */
public final class Concatenation {
    private Concatenation() {
    }

    /** Joins along an existing axis; all other sizes must match. */
    public static Tensor concat(List<Tensor> tensors, int axis) {
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("concat: needs at least one tensor");
        }
        Tensor[] inputs = tensors.toArray(Tensor[]::new);
        Arithmetic.sameBackend("concat", inputs);
        Tensor first = inputs[0];
        int a = Shape.normalizeAxis("concat", axis, first.rank());
        int[] shape = first.shape();
        int[] starts = new int[inputs.length + 1];
        for (int i = 0; i < inputs.length; i++) {
            int[] s = inputs[i].shape();
            boolean fits = s.length == shape.length;
            for (int d = 0; fits && d < s.length; d++) {
                fits = d == a || s[d] == shape[d];
            }
            if (!fits) {
                throw new IllegalArgumentException("concat: tensor " + i + " has shape " + Shape.str(s) + " but tensor 0 has "
                        + Shape.str(first.shape()) + "; all sizes except axis " + a + " must match");
            }
            starts[i + 1] = starts[i] + s[a];
        }
        shape[a] = starts[inputs.length];
        Tensor out = Tensor.empty(first.dtype(), first.device(), shape);
        for (int i = 0; i < inputs.length; i++) {
            first.backend().copy(inputs[i].array(), Views.rawSlice(out, a, starts[i], starts[i + 1], 1).array());
        }
        return Autograd.record("concat", Map.of("axis", a), out, g -> {
            Tensor[] grads = new Tensor[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                grads[i] = Views.rawSlice(g, a, starts[i], starts[i + 1], 1);
            }
            return grads;
        }, inputs);
    }

    /** Joins same-shape tensors along a new axis: unsqueeze each, then concat. */
    public static Tensor stack(List<Tensor> tensors, int axis) {
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("stack: needs at least one tensor");
        }
        return concat(tensors.stream().map(t -> t.unsqueeze(axis)).toList(), axis);
    }
}
