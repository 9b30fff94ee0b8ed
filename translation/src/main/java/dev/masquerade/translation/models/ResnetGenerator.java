package dev.masquerade.translation.models;

import dev.masquerade.nn.layers.Upsampling;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Shape;
import dev.masquerade.nn.Layer;
import dev.masquerade.nn.Sequential;
import dev.masquerade.nn.layers.Activation;
import dev.masquerade.nn.layers.Conv2d;
import dev.masquerade.nn.layers.ReflectionPad;
import java.util.ArrayList;
import java.util.List;

/**
 * CycleGAN's generator (Johnson et al.'s style-transfer network): a 7×7 convolution, two
 * stride-2 convolutions down to a quarter of the size, residual blocks there, two doublings
 * back up and a 7×7 convolution to the output with tanh. No skip connection carries the input
 * across, so what comes out has been re-drawn, which suits changing a shape (a sneaker into a
 * sandal) more than a U-Net does. Convolutions that keep the size pad by reflection, so the
 * borders look like picture. One difference from CycleGAN's code: its transposed convolutions
 * are 3×3 with output padding 1, ours 4×4 (the U-Net's, {@link Upsampling}), whose overlap is
 * even (tutorials/26-checkerboards.md). Tutorial: tutorials/25-cycle-consistency.md.
 */
public final class ResnetGenerator extends Layer {
    private final Sequential network;
    private final int inChannels;

    /** A residual block: x + (reflect, conv 3×3, norm, ReLU, reflect, conv 3×3, norm)(x). */
    private static final class Block extends Layer {
        private final Sequential body;

        Block(int channels, Norm norm, Rng rng) {
            body = child("body", new Sequential(new ReflectionPad(1), new Conv2d(channels, channels, 3, 1, 0, rng), norm.layer(channels),
                    Activation.relu(), new ReflectionPad(1), new Conv2d(channels, channels, 3, 1, 0, rng), norm.layer(channels)));
        }

        @Override
        public Tensor forward(Tensor x) {
            return x.add(body.forward(x));
        }
    }

    public ResnetGenerator(int inChannels, int outChannels, int width, int blocks, Norm norm, Upsampling upsampling, Rng rng) {
        if (width < 1 || blocks < 0 || inChannels < 1 || outChannels < 1) {
            throw new IllegalArgumentException("ResnetGenerator: needs positive channels and blocks >= 0, got width " + width + ", " + blocks
                    + " blocks");
        }
        this.inChannels = inChannels;
        List<Layer> layers = new ArrayList<>(List.of(new ReflectionPad(3), new Conv2d(inChannels, width, 7, 1, 0, rng), norm.layer(width),
                Activation.relu(),
                new Conv2d(width, 2 * width, 3, 2, 1, rng), norm.layer(2 * width), Activation.relu(),
                new Conv2d(2 * width, 4 * width, 3, 2, 1, rng), norm.layer(4 * width), Activation.relu()));
        for (int i = 0; i < blocks; i++) {
            layers.add(new Block(4 * width, norm, rng));
        }
        layers.addAll(List.of(upsampling.layer(4 * width, 2 * width, rng), norm.layer(2 * width), Activation.relu(),
                upsampling.layer(2 * width, width, rng), norm.layer(width), Activation.relu(),
                new ReflectionPad(3), new Conv2d(width, outChannels, 7, 1, 0, rng), Activation.tanh()));
        this.network = child("network", new Sequential(layers.toArray(Layer[]::new)));
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.rank() != 4 || x.size(1) != inChannels || x.size(2) % 4 != 0 || x.size(3) % 4 != 0 || x.size(2) < 8 || x.size(3) < 8) {
            throw new IllegalArgumentException("ResnetGenerator: needs pictures [N, " + inChannels + ", H, W] with H and W multiples of 4,"
                    + " at least 8, got " + Shape.str(x.shape()));
        }
        return network.forward(x);
    }
}
