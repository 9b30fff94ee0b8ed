package dev.masquerade.gan.models;

import dev.masquerade.engine.Rng;
import dev.masquerade.nn.Initialisation;
import dev.masquerade.nn.Sequential;
import dev.masquerade.nn.layers.Activation;
import dev.masquerade.nn.layers.Conv2d;

/**
 * A PatchGAN discriminator (Isola et al., pix2pix): fully convolutional, so it gives a map of
 * logits, one per overlapping 18×18 patch of the picture, instead of one logit per picture.
 * It judges texture and sharpness, which is what a reconstruction loss leaves blurry, and
 * works on any picture size that two stride-2 layers can halve (a 64×64 face gives 16×16
 * logits). No batch normalisation: face-swap batches are small. Weights start as pix2pix
 * starts them, N(0, 0.02) with zero biases ({@link Initialisation#PAPER}): see
 * tutorials/23-initialisation.md for why a GAN's discriminator should start small.
 */
public final class PatchGan {
    private PatchGan() {
    }

    /** pictures [N, channels, H, W] → logits [N, 1, H/4, W/4]. */
    public static Sequential discriminator(int channels, int width, Rng rng) {
        Sequential discriminator = new Sequential(
                new Conv2d(channels, width, 4, 2, 1, rng), Activation.leakyRelu(0.2),
                new Conv2d(width, 2 * width, 4, 2, 1, rng), Activation.leakyRelu(0.2),
                new Conv2d(2 * width, 1, 3, 1, 1, rng));
        discriminator.initialise(Initialisation.PAPER, rng);
        return discriminator;
    }
}
