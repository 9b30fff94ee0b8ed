package dev.masquerade.autoencoder;

import dev.masquerade.autoencoder.augment.Augmentation;
import dev.masquerade.engine.Device;

/**
 * The settings of {@code masquerade demo}: the face swap on the built-in synthetic faces,
 * sized to finish within five minutes on a two-core laptop CPU. Compared with
 * {@code faceswap_small} the model is narrower (width {@value #WIDTH}, code {@value #LATENT})
 * and the learning rate ten times higher, so that a few hundred steps already swap pose and
 * expression; the synthetic faces are simple enough for that.
 */
public final class FaceSwapDemo {
    /** Channels of the first convolution. */
    public static final int WIDTH = 32;
    /** Length of the shared code. */
    public static final int LATENT = 256;
    /** Training steps. */
    public static final int STEPS = 600;
    /** Faces of each person per step. */
    public static final int BATCH = 16;
    /** Adam's learning rate. */
    public static final double LEARNING_RATE = 5e-4;
    /** Synthetic pictures per person. */
    public static final int FACES = 1000;
    /** Held-out pairs for swap_ssim. */
    public static final int HELD_OUT = 64;

    private FaceSwapDemo() {
    }

    /** The demo's data. */
    public static FaceSwapTrainer.Data data(long seed) {
        return FaceSwapTrainer.Data.synthetic(FACES, HELD_OUT, 64, seed);
    }

    /** The demo's training options, for {@code steps} steps (normally {@value #STEPS}). */
    public static FaceSwapTrainer.Options options(int steps, long seed, boolean progress, Device device) {
        return new FaceSwapTrainer.Options(new FaceSwapConfig(64, WIDTH, LATENT, false), steps, BATCH, LEARNING_RATE, 0.5, 0.999,
                FaceSwapLoss.DEFAULT, Augmentation.DEFAULT, 50, 200, seed, progress, device);
    }
}
