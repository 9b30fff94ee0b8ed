package dev.masquerade.nn.layers;

import dev.masquerade.nn.Layer;

/**
 * What the pooling layers share: a kernel×kernel window moved by a stride over an input with a
 * border of padding, PyTorch's defaults (stride = kernel, no padding) where not given.
 */
abstract class PoolingLayer extends Layer {
    protected final int kernel;
    protected final int stride;
    protected final int padding;

    PoolingLayer(String name, int kernel, int stride, int padding) {
        if (kernel < 1 || stride < 1 || padding < 0 || 2 * padding > kernel) {
            throw new IllegalArgumentException(name + ": needs a kernel and stride of at least 1 and padding from 0 to half the kernel, got "
                    + kernel + ", " + stride + " and " + padding);
        }
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
    }
}
