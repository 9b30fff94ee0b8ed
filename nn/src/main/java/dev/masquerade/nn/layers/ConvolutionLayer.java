package dev.masquerade.nn.layers;

import dev.masquerade.engine.Rng;
import dev.masquerade.nn.Init;
import dev.masquerade.nn.Layer;
import dev.masquerade.nn.Parameter;

/**
 * What the convolution layers have in common: a square-kernel weight and a bias, both drawn
 * with PyTorch's default initialisation for the given fan-in, a stride and a padding.
 */
public abstract class ConvolutionLayer extends Layer {
    protected final Parameter weight;
    protected final Parameter bias;
    protected final int stride;
    protected final int padding;

    protected ConvolutionLayer(int[] weightShape, int channelsOut, int fanIn, int stride, int padding, Rng rng) {
        this.weight = parameter("weight", Init.defaultUniform(rng, fanIn, weightShape));
        this.bias = parameter("bias", Init.defaultUniform(rng, fanIn, channelsOut));
        this.stride = stride;
        this.padding = padding;
    }

    /** The weight. */
    public Parameter weight() {
        return weight;
    }

    /** The bias, one per output channel. */
    public Parameter bias() {
        return bias;
    }
}
