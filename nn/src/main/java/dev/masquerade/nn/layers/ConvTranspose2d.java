package dev.masquerade.nn.layers;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.Init;
import dev.masquerade.nn.Module;
import dev.masquerade.nn.Parameter;

/** Transposed convolution [N, in, H, W] → [N, out, (H−1)·stride − 2·padding + kernel, ...] with a bias. */
public final class ConvTranspose2d extends Module {
    private final Parameter weight;
    private final Parameter bias;
    private final int stride;
    private final int padding;

    public ConvTranspose2d(int in, int out, int kernel, int stride, int padding, Rng rng) {
        int fanIn = out * kernel * kernel; // PyTorch computes fan-in from weight.size(1)
        this.weight = parameter("weight", Init.defaultUniform(rng, fanIn, in, out, kernel, kernel));
        this.bias = parameter("bias", Init.defaultUniform(rng, fanIn, out));
        this.stride = stride;
        this.padding = padding;
    }

    /** The weight [in, out, k, k]. */
    public Parameter weight() {
        return weight;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.convTranspose2d(weight.value(), bias.value(), stride, padding, 0);
    }
}
