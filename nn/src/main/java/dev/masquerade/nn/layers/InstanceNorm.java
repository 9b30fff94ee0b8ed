package dev.masquerade.nn.layers;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Shape;
import dev.masquerade.nn.Layer;
import dev.masquerade.nn.Parameter;

/**
 * Instance normalisation of [N, C, H, W]: each picture's each channel to mean 0 and variance
 * 1 on its own ({@link Tensor#instanceNorm}), then, when affine, y = γ·x̂ + β per channel. It
 * keeps no running statistics, so training and evaluation compute the same thing. pix2pix and
 * CycleGAN use it without the affine part (PyTorch's InstanceNorm2d default).
 */
public final class InstanceNorm extends Layer {
    private final int channels;
    private final Parameter gamma;
    private final Parameter beta;

    /** @param affine whether to learn a scale γ and shift β per channel after normalising */
    public InstanceNorm(int channels, boolean affine) {
        if (channels < 1) {
            throw new IllegalArgumentException("InstanceNorm: needs at least 1 channel, got " + channels);
        }
        this.channels = channels;
        this.gamma = affine ? parameter("weight", Tensor.ones(channels)) : null;
        this.beta = affine ? parameter("bias", Tensor.zeros(channels)) : null;
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.rank() != 4 || x.size(1) != channels) {
            throw new IllegalArgumentException("InstanceNorm(" + channels + "): needs [N, " + channels + ", H, W], got " + Shape.str(x.shape()));
        }
        Tensor normalized = x.instanceNorm(BatchNorm.DEFAULT_EPS);
        return gamma == null ? normalized
                : normalized.mul(gamma.value().reshape(1, channels, 1, 1)).add(beta.value().reshape(1, channels, 1, 1));
    }
}
