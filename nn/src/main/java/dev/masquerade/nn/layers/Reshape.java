package dev.masquerade.nn.layers;

import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.Layer;

/**
 * Reshapes everything but the batch axis: {@link #flatten()} turns [N, C, H, W] into
 * [N, C·H·W]; {@code new Reshape(512, 4, 4)} turns [N, 8192] into [N, 512, 4, 4] (Unflatten).
 */
public final class Reshape extends Layer {
    private final int[] sampleShape;

    /** Each sample reshaped to sampleShape (one size may be -1). */
    public Reshape(int... sampleShape) {
        this.sampleShape = sampleShape.clone();
    }

    /** Each sample flattened to one axis. */
    public static Reshape flatten() {
        return new Reshape(-1);
    }

    @Override
    public Tensor forward(Tensor x) {
        int[] shape = new int[sampleShape.length + 1];
        shape[0] = x.size(0);
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        return x.reshape(shape);
    }
}
