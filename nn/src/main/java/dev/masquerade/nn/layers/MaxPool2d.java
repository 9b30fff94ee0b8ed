package dev.masquerade.nn.layers;

import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.Layer;

/** Max pooling over kernel×kernel windows with the given stride. */
public final class MaxPool2d extends Layer {
    private final int kernel;
    private final int stride;

    public MaxPool2d(int kernel, int stride) {
        this.kernel = kernel;
        this.stride = stride;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.maxPool2d(kernel, stride, 0);
    }
}
