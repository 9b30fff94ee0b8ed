package dev.masquerade.faces;

import dev.masquerade.engine.Tensor;

/**
 * TensorFlow's {@code 'same'} padding: the output has ⌈n / stride⌉ positions along an axis of
 * n, and the padding it takes, max((out − 1)·stride + kernel − n, 0), is split with the odd
 * one after: {@code before = total / 2}. A 3×3 kernel at stride 2 on an even size gets (0, 1), which
 * PyTorch's symmetric {@code padding=} cannot say, so networks trained in TensorFlow need an
 * explicit {@link Tensor#pad} before a convolution or pooling without padding.
 */
final class SamePadding {
    private SamePadding() {
    }

    /** x [N, C, H, W] padded with {@code value} the way TensorFlow's 'same' pads a kernel×kernel window at this stride. */
    static Tensor pad(Tensor x, int kernel, int stride, double value) {
        int[] rows = amounts(x.size(2), kernel, stride), columns = amounts(x.size(3), kernel, stride);
        if (rows[0] + rows[1] + columns[0] + columns[1] == 0) {
            return x;
        }
        return x.pad(new int[] {columns[0], columns[1], rows[0], rows[1]}, value);
    }

    /** (before, after) for an axis of {@code size}. */
    static int[] amounts(int size, int kernel, int stride) {
        // BEGIN SOLUTION task-7.3: TensorFlow's 'same' padding of one axis: ⌈size / stride⌉ outputs, the padding that takes, and its split with the odd pixel after (see tutorials/20-face-networks.md)
        int out = (size + stride - 1) / stride;
        int total = Math.max((out - 1) * stride + kernel - size, 0);
        return new int[] {total / 2, total - total / 2};
        // END SOLUTION
    }

    /** Max pooling with 'same' padding: the padded cells are −∞, so they never win. */
    static Tensor maxPool(Tensor x, int kernel, int stride) {
        return pad(x, kernel, stride, Double.NEGATIVE_INFINITY).maxPool2d(kernel, stride, 0);
    }
}
