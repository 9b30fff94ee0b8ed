package dev.masquerade.translation.models;

import dev.masquerade.engine.Rng;
import dev.masquerade.nn.Initialisation;
import dev.masquerade.nn.Layer;
import dev.masquerade.nn.Sequential;
import dev.masquerade.nn.layers.Activation;
import dev.masquerade.nn.layers.Conv2d;
import java.util.ArrayList;
import java.util.List;

/**
 * pix2pix's and CycleGAN's discriminator ("NLayerDiscriminator"): 4×4 convolutions, the first
 * {@code layers} of stride 2, then one of stride 1 and a 1-channel output, LeakyReLU(0.2)
 * between, normalisation on all but the first. It answers real or fake for every overlapping
 * patch: with 3 layers each logit sees 70×70 pixels (pix2pix's at 256×256), with 2 layers
 * 34×34, with 1 layer 16×16. On pix2pix's 256×256 pictures a 70-pixel patch is about a quarter
 * of the side; on our small pictures (2 layers on 32×32 items, 3 on 64×64 crops) one logit sees
 * most of the picture, so there the "patch" discriminator judges nearly whole pictures. pix2pix's
 * is conditional: it sees the input and the output concatenated, {@code channels} = both
 * together. Weights start N(0, 0.02) ({@link Initialisation#PAPER}).
 */
public final class PatchDiscriminator {
    private PatchDiscriminator() {
    }

    /** pictures [N, channels, H, W] → logits [N, 1, H/2^layers − 2, W/2^layers − 2]. */
    public static Sequential of(int channels, int width, int layers, Norm norm, Rng rng) {
        if (layers < 1 || width < 1) {
            throw new IllegalArgumentException("PatchDiscriminator: needs at least 1 layer and width 1, got " + layers + " and " + width);
        }
        List<Layer> stack = new ArrayList<>(List.of(new Conv2d(channels, width, 4, 2, 1, rng), Activation.leakyRelu(0.2)));
        int in = width;
        for (int layer = 1; layer <= layers; layer++) {
            int out = width * Math.min(1 << layer, 8);
            stack.addAll(List.of(new Conv2d(in, out, 4, layer < layers ? 2 : 1, 1, rng), norm.layer(out), Activation.leakyRelu(0.2)));
            in = out;
        }
        stack.add(new Conv2d(in, 1, 4, 1, 1, rng));
        Sequential discriminator = new Sequential(stack.toArray(Layer[]::new));
        discriminator.initialise(Initialisation.PAPER, rng);
        return discriminator;
    }

    /** The side of the square of input pixels that one output logit sees. */
    public static int receptiveField(int layers) {
        int field = 4; // the last convolution: 4×4, stride 1
        field = field - 1 + 4;  // the stride-1 layer before it
        for (int layer = 0; layer < layers; layer++) {
            field = 2 * field + 2; // a 4×4 stride-2 layer: k + s·(field − 1) = 2·field + 2
        }
        return field;
    }
}
