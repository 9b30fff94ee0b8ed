package dev.masquerade.gan.models;

import dev.masquerade.engine.Rng;
import dev.masquerade.nn.Sequential;
import dev.masquerade.nn.layers.Activation;
import dev.masquerade.nn.layers.Linear;

/**
 * The small MLPs of the 2-d toy GAN: two hidden layers of {@value #HIDDEN} units each side. Small
 * enough to train in seconds, big enough to cover all modes of the ring, or to collapse onto a few.
 */
public final class RingMlp {
    /** Length of the noise vector z. */
    public static final int NOISE = 16;
    /** Units per hidden layer. */
    public static final int HIDDEN = 128;

    private RingMlp() {
    }

    /** z [N, 16] → points [N, 2]. */
    public static Sequential generator(Rng rng) {
        return new Sequential(new Linear(NOISE, HIDDEN, rng), Activation.relu(), new Linear(HIDDEN, HIDDEN, rng), Activation.relu(),
                new Linear(HIDDEN, 2, rng));
    }

    /** points [N, 2] → one logit per point [N, 1]. */
    public static Sequential discriminator(Rng rng) {
        return new Sequential(new Linear(2, HIDDEN, rng), Activation.leakyRelu(0.2), new Linear(HIDDEN, HIDDEN, rng),
                Activation.leakyRelu(0.2), new Linear(HIDDEN, 1, rng));
    }
}
