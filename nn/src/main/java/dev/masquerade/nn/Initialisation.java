package dev.masquerade.nn;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.layers.BatchNorm;
import dev.masquerade.nn.layers.ConvolutionLayer;
import dev.masquerade.nn.layers.Linear;
import java.util.Locale;

/**
 * How a model's weights start, applied to a whole model at once with
 * {@link Module#initialise(Initialisation, Rng)}: every convolution's and linear layer's weight
 * is drawn by the scheme and its bias set to zero, and every batch norm's scale is drawn from
 * N(1, σ) (or set to 1) and its shift set to 0. Layers build themselves with PyTorch's default
 * (Kaiming uniform with a = √5, {@link Init#defaultUniform}); {@link #DEFAULT} keeps that.
 *
 * <p>Fans follow PyTorch: for a weight [a, b, k, k] the fan-in is b·k·k and the fan-out a·k·k
 * (for a transposed convolution, whose weight is [in, out, k, k], that makes the fan-in out·k·k,
 * as PyTorch computes it too).
 */
public interface Initialisation {
    /** A weight's new value (weight [out, in, ...]): the scheme's draw. */
    Tensor weight(Rng rng, int fanIn, int fanOut, int... shape);

    /** A batch norm's new scale over {@code channels}. */
    Tensor batchNormScale(Rng rng, int channels);

    /** The layers' own defaults, PyTorch's: nothing is redrawn. */
    Initialisation DEFAULT = new Initialisation() {
        @Override
        public Tensor weight(Rng rng, int fanIn, int fanOut, int... shape) {
            return null;
        }

        @Override
        public Tensor batchNormScale(Rng rng, int channels) {
            return null;
        }
    };

    /**
     * The DCGAN paper's N(0, 0.02) (Radford et al., 2016) as PyTorch's DCGAN example and the
     * pix2pix and CycleGAN code apply it: weights N(0, 0.02), biases 0, batch-norm scales N(1, 0.02).
     */
    Initialisation PAPER = normal(0.02);

    /** Weights N(0, std), biases 0, batch-norm scales N(1, std), shifts 0. */
    static Initialisation normal(double std) {
        return scheme((rng, fanIn, fanOut, shape) -> Init.normal(rng, 0, std, shape), std);
    }

    /** Kaiming (He) normal: N(0, gain/√fanIn); biases 0, batch-norm scales 1. */
    static Initialisation kaimingNormal(double gain) {
        return scheme((rng, fanIn, fanOut, shape) -> Init.kaimingNormal(rng, fanIn, gain, shape), 0);
    }

    /** Kaiming (He) uniform: bound gain·√(3/fanIn); biases 0, batch-norm scales 1. */
    static Initialisation kaimingUniform(double gain) {
        return scheme((rng, fanIn, fanOut, shape) -> Init.kaimingUniform(rng, fanIn, gain, shape), 0);
    }

    /** Xavier (Glorot) normal: N(0, gain·√(2/(fanIn + fanOut))); biases 0, batch-norm scales 1. */
    static Initialisation xavierNormal(double gain) {
        return scheme((rng, fanIn, fanOut, shape) -> Init.xavierNormal(rng, fanIn, fanOut, shape).mul(gain), 0);
    }

    /** Xavier (Glorot) uniform: bound gain·√(6/(fanIn + fanOut)); biases 0, batch-norm scales 1. */
    static Initialisation xavierUniform(double gain) {
        return scheme((rng, fanIn, fanOut, shape) -> Init.xavierUniform(rng, fanIn, fanOut, shape).mul(gain), 0);
    }

    /** Every weight 0 (a network that cannot break its symmetry: for tests and for showing why not). */
    Initialisation ZEROS = scheme((rng, fanIn, fanOut, shape) -> Tensor.zeros(shape), 0);

    /** Every weight 1. */
    Initialisation ONES = scheme((rng, fanIn, fanOut, shape) -> Tensor.ones(shape), 0);

    /** default (the layers' own) or paper (N(0, 0.02)), as {@code --init} names them. */
    static Initialisation parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "default" -> DEFAULT;
            case "paper" -> PAPER;
            default -> throw new IllegalArgumentException("--init must be default (the layers' own, PyTorch's) or paper (N(0, 0.02) as in"
                    + " DCGAN), got '" + name + "'");
        };
    }

    /** A weight draw. */
    interface WeightDraw {
        Tensor draw(Rng rng, int fanIn, int fanOut, int... shape);
    }

    /** A scheme from its weight draw; batch-norm scales N(1, scaleStd), or exactly 1 when scaleStd is 0. */
    private static Initialisation scheme(WeightDraw draw, double scaleStd) {
        return new Initialisation() {
            @Override
            public Tensor weight(Rng rng, int fanIn, int fanOut, int... shape) {
                return draw.draw(rng, fanIn, fanOut, shape);
            }

            @Override
            public Tensor batchNormScale(Rng rng, int channels) {
                return scaleStd == 0 ? Tensor.ones(channels) : Init.normal(rng, 1, scaleStd, channels);
            }
        };
    }

    /** Applies this scheme to one module's own parameters (not its children's). */
    default void applyTo(Module module, Rng rng) {
        if (module instanceof ConvolutionLayer || module instanceof Linear) {
            // BEGIN SOLUTION task-4.6: redraw a convolution's or linear layer's weight [a, b, k, ...] with this scheme's weight(rng, fanIn, fanOut, shape), the fans as PyTorch takes them (fan-in b times the receptive field k·k·..., fan-out a times it), in the weight's dtype and on its device, and zero the bias; leave both alone when the scheme draws nothing (null) (see tutorials/23-initialisation.md)
            Parameter weight = module.namedParameters().get("weight"), bias = module.namedParameters().get("bias");
            int[] shape = weight.value().shape();
            int receptive = 1;
            for (int axis = 2; axis < shape.length; axis++) {
                receptive *= shape[axis];
            }
            Tensor drawn = weight(rng, shape[1] * receptive, shape[0] * receptive, shape);
            if (drawn != null) {
                weight.replace(drawn.to(weight.value().dtype()).to(weight.value().device()));
                if (bias != null) {
                    bias.replace(Tensor.zerosLike(bias.value()));
                }
            }
            // END SOLUTION
        } else if (module instanceof BatchNorm) {
            Parameter scale = module.namedParameters().get("weight"), shift = module.namedParameters().get("bias");
            Tensor drawn = batchNormScale(rng, scale.value().size(0));
            if (drawn != null) {
                scale.replace(drawn.to(scale.value().dtype()).to(scale.value().device()));
                shift.replace(Tensor.zerosLike(shift.value()));
            }
        }
    }
}
