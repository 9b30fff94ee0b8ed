package dev.masquerade.nn.layers;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;

/** 2-d convolution [N, in, H, W] → [N, out, Ho, Wo] with a square kernel (weight [out, in, k, k]) and a bias. */
public final class Conv2d extends ConvolutionLayer {

    public Conv2d(int in, int out, int kernel, int stride, int padding, Rng rng) {
        super(new int[] {out, in, kernel, kernel}, out, in * kernel * kernel, stride, padding, rng);
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.conv2d(weight.value(), bias.value(), stride, padding, 1);
    }
}
