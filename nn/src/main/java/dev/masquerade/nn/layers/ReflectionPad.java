package dev.masquerade.nn.layers;

import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.Layer;

/**
 * Pads [N, C, H, W] by reflection ({@link Tensor#padReflect}) on all four sides, so that the
 * convolution after it (with padding 0) keeps the size without a frame of zeros at the border.
 */
public final class ReflectionPad extends Layer {
    private final int amount;

    public ReflectionPad(int amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("ReflectionPad: the amount must be at least 0, got " + amount);
        }
        this.amount = amount;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.padReflect(amount, amount, amount, amount);
    }
}
