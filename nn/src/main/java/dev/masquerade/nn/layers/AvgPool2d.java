package dev.masquerade.nn.layers;

import dev.masquerade.engine.Tensor;

/**
 * Average pooling over kernel×kernel windows, as PyTorch's {@code nn.AvgPool2d}: the stride
 * defaults to the kernel, and padding zeros count towards the mean (PyTorch's
 * {@code count_include_pad=True}).
 */
public final class AvgPool2d extends PoolingLayer {
    public AvgPool2d(int kernel, int stride, int padding) {
        super("AvgPool2d", kernel, stride, padding);
    }

    public AvgPool2d(int kernel, int stride) {
        this(kernel, stride, 0);
    }

    public AvgPool2d(int kernel) {
        this(kernel, kernel, 0);
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.avgPool2d(kernel, stride, padding);
    }
}
