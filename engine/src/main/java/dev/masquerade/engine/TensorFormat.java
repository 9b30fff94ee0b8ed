package dev.masquerade.engine;

import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.array.Shape;

/**
 * Prints tensors the way NumPy does: nested brackets for small tensors; for tensors of more
 * than {@value #SUMMARY_THRESHOLD} elements, the first and last {@value #EDGE_ITEMS} entries of
 * each axis with "..." between them.
 */
final class TensorFormat {
    static final int SUMMARY_THRESHOLD = 1000;
    static final int EDGE_ITEMS = 3;

    private TensorFormat() {
    }

    static String format(Tensor t) {
        double[] values = t.toDoubleArray();
        int[] shape = t.shape();
        boolean summarise = values.length > SUMMARY_THRESHOLD;
        StringBuilder out = new StringBuilder("tensor(");
        appendAxis(out, values, shape, Shape.contiguousStrides(shape), 0, 0, summarise, t.dtype(), "       ");
        out.append(", shape=").append(Shape.str(shape)).append(", dtype=").append(t.dtype());
        if (!t.device().equals(Device.CPU)) {
            out.append(", device=").append(t.device());
        }
        if (t.gradFn() != null) {
            out.append(", grad_fn=").append(t.gradFn().name());
        } else if (t.requiresGrad()) {
            out.append(", requires_grad=true");
        }
        return out.append(')').toString();
    }

    private static void appendAxis(StringBuilder out, double[] values, int[] shape, int[] strides, int axis, int base,
                                   boolean summarise, DType dtype, String indent) {
        if (axis == shape.length) {
            out.append(formatValue(values[base], dtype));
            return;
        }
        out.append('[');
        int n = shape[axis];
        boolean cut = summarise && n > 2 * EDGE_ITEMS;
        for (int i = 0; i < n; i++) {
            if (cut && i == EDGE_ITEMS) {
                out.append("...");
                i = n - EDGE_ITEMS - 1;
                out.append(axis == shape.length - 1 ? ", " : ",\n" + indent + " ".repeat(axis + 1));
                continue;
            }
            appendAxis(out, values, shape, strides, axis + 1, base + i * strides[axis], summarise, dtype, indent);
            if (i < n - 1) {
                out.append(axis == shape.length - 1 ? ", " : "," + "\n".repeat(shape.length - axis - 1) + indent + " ".repeat(axis + 1));
            }
        }
        out.append(']');
    }

    private static String formatValue(double value, DType dtype) {
        if (dtype == DType.I32) {
            return Long.toString((long) value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e16) {
            return String.format("%.1f", value);
        }
        return String.format(Math.abs(value) >= 1e-4 && Math.abs(value) < 1e6 ? "%.4f" : "%.4e", value);
    }
}
