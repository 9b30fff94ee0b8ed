package dev.masquerade.nn.layers;

import dev.masquerade.engine.Tensor;

/**
 * Max pooling over kernel×kernel windows, as PyTorch's {@code nn.MaxPool2d}: the stride defaults
 * to the kernel (windows that do not overlap), and padding adds a border that never wins a maximum.
 */
public final class MaxPool2d extends PoolingLayer {
    public MaxPool2d(int kernel, int stride, int padding) {
        super("MaxPool2d", kernel, stride, padding);
    }

    public MaxPool2d(int kernel, int stride) {
        this(kernel, stride, 0);
    }

    public MaxPool2d(int kernel) {
        this(kernel, kernel, 0);
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.maxPool2d(kernel, stride, padding);
    }
}
