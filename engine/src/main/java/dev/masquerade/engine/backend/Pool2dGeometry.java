package dev.masquerade.engine.backend;

/**
 * Window, stride and zero-padding of a 2-d pooling, the same on both axes.
 * The output size is {@code (h + 2·padding − kernel) / stride + 1}.
 */
public record Pool2dGeometry(int kernel, int stride, int padding) {

    public Pool2dGeometry {
        if (kernel < 1 || stride < 1 || padding < 0 || padding * 2 > kernel) {
            throw new IllegalArgumentException("pool2d: need kernel >= 1, stride >= 1 and 0 <= padding <= kernel / 2, got kernel "
                    + kernel + ", stride " + stride + ", padding " + padding);
        }
    }

    /** Output size along one axis of input size {@code size}. */
    public int outputSize(int size) {
        return (size + 2 * padding - kernel) / stride + 1;
    }
}
