package dev.masquerade.nn.layers;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.Layer;

/**
 * The deepfake decoder's upsampling block: Conv3×3 (in → 4·out, padding 1), LeakyReLU(0.1),
 * PixelShuffle(2). It doubles height and width ([N, in, H, W] → [N, out, 2H, 2W]).
 */
public final class Upscale extends Layer {
    private final Conv2d conv;

    public Upscale(int in, int out, Rng rng) {
        this.conv = child("conv", new Conv2d(in, 4 * out, 3, 1, 1, rng));
    }

    @Override
    public Tensor forward(Tensor x) {
        return conv.forward(x).leakyRelu(0.1).pixelShuffle(2);
    }
}
