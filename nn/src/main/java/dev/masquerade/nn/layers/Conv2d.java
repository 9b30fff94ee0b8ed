package dev.masquerade.nn.layers;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.Init;
import dev.masquerade.nn.Module;
import dev.masquerade.nn.Parameter;

/** 2-d convolution [N, in, H, W] → [N, out, Ho, Wo] with a square kernel and a bias. */
public final class Conv2d extends Module {
    private final Parameter weight;
    private final Parameter bias;
    private final int stride;
    private final int padding;

    public Conv2d(int in, int out, int kernel, int stride, int padding, Rng rng) {
        int fanIn = in * kernel * kernel;
        this.weight = parameter("weight", Init.defaultUniform(rng, fanIn, out, in, kernel, kernel));
        this.bias = parameter("bias", Init.defaultUniform(rng, fanIn, out));
        this.stride = stride;
        this.padding = padding;
    }

    /** The weight [out, in, k, k]. */
    public Parameter weight() {
        return weight;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.conv2d(weight.value(), bias.value(), stride, padding, 1);
    }
}
