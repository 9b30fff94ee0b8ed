package dev.masquerade.nn.layers;

import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.Layer;

/** [N, C·r², H, W] → [N, C, H·r, W·r]: channels become sub-pixels (sub-pixel convolution upsampling). */
public final class PixelShuffle extends Layer {
    private final int factor;

    public PixelShuffle(int factor) {
        this.factor = factor;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.pixelShuffle(factor);
    }
}
