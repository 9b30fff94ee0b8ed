package dev.masquerade.nn.layers;

import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.Layer;

/** Repeats each pixel into a scale×scale block. */
public final class UpsampleNearest extends Layer {
    private final int scale;

    public UpsampleNearest(int scale) {
        this.scale = scale;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.upsampleNearest(scale);
    }
}
