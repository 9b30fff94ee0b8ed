package dev.masquerade.nn.layers;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.Layer;

/**
 * A residual block: y = x + conv(leakyRelu(conv(x))), both convolutions 3×3 with padding 1
 * and the same number of channels. The skip connection gives gradients a direct path.
 */
public final class Residual extends Layer {
    private final Conv2d first;
    private final Conv2d second;

    public Residual(int channels, Rng rng) {
        this.first = child("conv1", new Conv2d(channels, channels, 3, 1, 1, rng));
        this.second = child("conv2", new Conv2d(channels, channels, 3, 1, 1, rng));
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.add(second.forward(first.forward(x).leakyRelu(0.2))).leakyRelu(0.2);
    }
}
