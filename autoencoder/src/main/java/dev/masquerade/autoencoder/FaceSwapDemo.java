package dev.masquerade.autoencoder;

import dev.masquerade.autoencoder.augment.Augmentation;
import dev.masquerade.autoencoder.augment.ColourMatch;
import dev.masquerade.engine.array.Device;

/**
 * The settings of {@code masquerade demo}: the face swap on the built-in synthetic faces,
 * sized to finish within five minutes on a two-core laptop CPU. Compared with
 * {@code faceswap_small} the model is a quarter as wide (width {@value #WIDTH}, code
 * {@value #LATENT}), the batch half as large and the learning rate twenty times higher, so
 * that a thousand quick steps learn to carry pose and expression across; the synthetic faces
 * are simple enough for that. The synthetic pictures already vary in rotation, scale and
 * shift, so the demo keeps the random warp and the flips and leaves out the affine moves.
 */
public final class FaceSwapDemo {
    /** Channels of the first convolution. */
    public static final int WIDTH = 16;
    /** Length of the shared code. */
    public static final int LATENT = 128;
    /** Training steps. */
    public static final int STEPS = 1000;
    /** Faces of each person per step. */
    public static final int BATCH = 8;
    /** Adam's learning rate. */
    public static final double LEARNING_RATE = 1e-3;
    /**
     * Adam's β₁: the usual 0.9 rather than the deepfake trainers' 0.5. With the smoother
     * momentum the model leaves its early "mean face" phase sooner, which decides how good a
     * 1,000-step swap gets.
     */
    public static final double BETA1 = 0.9;
    /** Synthetic pictures per person. */
    public static final int FACES = 1000;
    /** The augmentation: warp and flips. */
    public static final Augmentation AUGMENTATION = new Augmentation(true, Augmentation.DEFAULT.warpSigma(), 0, 0, 0, true,
            ColourMatch.Method.NONE);
    /** Held-out pairs for swap_ssim. */
    public static final int HELD_OUT = 64;

    private FaceSwapDemo() {
    }

    /** The demo's data. */
    public static FaceSwapTrainer.Data data(long seed) {
        return FaceSwapTrainer.Data.synthetic(FACES, HELD_OUT, 64, seed);
    }

    /** The demo's training options, for {@code steps} steps (normally {@value #STEPS}). */
    public static FaceSwapOptions options(int steps, long seed, boolean progress, Device device) {
        return FaceSwapOptions.builder().model(new FaceSwapConfig(64, WIDTH, LATENT, false)).steps(steps).batchSize(BATCH)
                .learningRate(LEARNING_RATE).beta1(BETA1).augmentation(AUGMENTATION).checkpointEvery(250).seed(seed).progress(progress)
                .device(device).build();
    }
}
