package dev.masquerade.nn;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;

/**
 * Weight initialisers. Each keeps the variance of activations roughly constant from layer to
 * layer, which is what lets deep networks start learning; all draw from an explicit seeded
 * {@link Rng}.
 */
public final class Init {
    private Init() {
    }

    /** Uniform in [-bound, bound]. */
    public static Tensor uniform(Rng rng, double bound, int... shape) {
        return Tensor.rand(rng, shape).mul(2 * bound).sub(bound);
    }

    /** Normal with the given mean and standard deviation (DCGAN uses N(0, 0.02)). */
    public static Tensor normal(Rng rng, double mean, double std, int... shape) {
        return Tensor.randn(rng, shape).mul(std).add(mean);
    }

    /** He/Kaiming uniform: variance 2/fanIn for relu layers, bound √(6/fanIn)·gain/√2. */
    public static Tensor kaimingUniform(Rng rng, int fanIn, double gain, int... shape) {
        return uniform(rng, gain * Math.sqrt(3.0 / fanIn), shape);
    }

    /** He/Kaiming normal: standard deviation gain/√fanIn. */
    public static Tensor kaimingNormal(Rng rng, int fanIn, double gain, int... shape) {
        return normal(rng, 0, gain / Math.sqrt(fanIn), shape);
    }

    /** Xavier/Glorot uniform: bound √(6/(fanIn + fanOut)). */
    public static Tensor xavierUniform(Rng rng, int fanIn, int fanOut, int... shape) {
        return uniform(rng, Math.sqrt(6.0 / (fanIn + fanOut)), shape);
    }

    /** Xavier/Glorot normal: standard deviation √(2/(fanIn + fanOut)). */
    public static Tensor xavierNormal(Rng rng, int fanIn, int fanOut, int... shape) {
        return normal(rng, 0, Math.sqrt(2.0 / (fanIn + fanOut)), shape);
    }

    /** The gain for relu, √2 (He et al. 2015). */
    public static double reluGain() {
        return Math.sqrt(2);
    }

    /**
     * PyTorch's default for linear and convolution layers: Kaiming uniform with a = √5, which
     * works out to a bound of 1/√fanIn for weights and biases alike.
     */
    public static Tensor defaultUniform(Rng rng, int fanIn, int... shape) {
        return uniform(rng, 1 / Math.sqrt(fanIn), shape);
    }
}
