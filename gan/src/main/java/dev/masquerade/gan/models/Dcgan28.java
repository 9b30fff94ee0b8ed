package dev.masquerade.gan.models;

import dev.masquerade.engine.Rng;
import dev.masquerade.nn.Sequential;
import dev.masquerade.nn.layers.Activation;
import dev.masquerade.nn.layers.BatchNorm;
import dev.masquerade.nn.layers.Conv2d;
import dev.masquerade.nn.layers.Linear;
import dev.masquerade.nn.layers.Reshape;
import dev.masquerade.nn.layers.Upsampling;

/**
 * DCGAN for 28×28 grey images, exactly {@code dcgan28} of ../shared/anchors/MODELS.md (and of
 * PyTorch's torch_reference.py): the generator upsamples 7×7 → 14×14 → 28×28 with transposed
 * convolutions, the discriminator mirrors it with strided convolutions. Batch normalisation
 * everywhere but the generator's output and the discriminator's input, as Radford et al. advise.
 * Images are in [−1, 1], the range of the generator's tanh.
 */
public final class Dcgan28 {
    /** Length of the noise vector z. */
    public static final int NOISE = 100;

    private Dcgan28() {
    }

    /** z [N, 100] → images [N, 1, 28, 28] in [−1, 1]. */
    public static Sequential generator(Rng rng) {
        return generator(rng, Upsampling.TRANSPOSED);
    }

    /** The generator with another way to double the pictures in place of each transposed convolution. */
    public static Sequential generator(Rng rng, Upsampling upsampling) {
        return new Sequential(
                new Linear(NOISE, 128 * 7 * 7, rng), new Reshape(128, 7, 7), new BatchNorm(128), Activation.relu(),
                upsampling.layer(128, 64, rng), new BatchNorm(64), Activation.relu(),
                upsampling.layer(64, 1, rng), Activation.tanh());
    }

    /** images [N, 1, 28, 28] → one logit per image [N, 1]. */
    public static Sequential discriminator(Rng rng) {
        return new Sequential(
                new Conv2d(1, 64, 4, 2, 1, rng), Activation.leakyRelu(0.2),
                new Conv2d(64, 128, 4, 2, 1, rng), new BatchNorm(128), Activation.leakyRelu(0.2),
                Reshape.flatten(), new Linear(128 * 7 * 7, 1, rng));
    }
}
