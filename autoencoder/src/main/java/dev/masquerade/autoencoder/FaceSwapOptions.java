package dev.masquerade.autoencoder;

import dev.masquerade.autoencoder.augment.Augmentation;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.optim.LearningRates;

/**
 * How to train a face swap. Build one by name from the defaults of {@code masquerade faceswap
 * train} and change what differs:
 *
 * <pre>{@code
 * FaceSwapOptions options = FaceSwapOptions.builder().steps(1000).batchSize(8).learningRate(1e-3).build();
 * }</pre>
 *
 * @param model           the architecture
 * @param steps           training steps in all, counting resumed ones
 * @param batchSize       faces of each person per step
 * @param learningRate    Adam's learning rate
 * @param beta1           Adam's β₁
 * @param beta2           Adam's β₂
 * @param loss            the reconstruction loss
 * @param augmentation    what is done to each training face
 * @param previewEvery    steps between preview pictures (and held-out evaluations)
 * @param checkpointEvery steps between checkpoints
 * @param seed            seed of initialisation, batches and augmentation
 * @param progress        whether to draw a progress bar
 * @param device          where to train
 * @param ganWeight       weight of the adversarial refinement (0: off)
 * @param timelapse       where to save the swap of fixed faces at every preview and, at the end, timelapse.gif (null: nowhere)
 */
public record FaceSwapOptions(FaceSwapConfig model, int steps, int batchSize, double learningRate, double beta1, double beta2,
                              FaceSwapLoss loss, Augmentation augmentation, int previewEvery, int checkpointEvery, long seed,
                              boolean progress, Device device, double ganWeight, java.nio.file.Path timelapse) {
    /** Checks the numbers. */
    public FaceSwapOptions {
        if (steps < 1 || batchSize < 1 || previewEvery < 1 || checkpointEvery < 1) {
            throw new IllegalArgumentException("--steps, --batch-size, --preview-every and --checkpoint-every must be at least 1; got "
                    + steps + ", " + batchSize + ", " + previewEvery + " and " + checkpointEvery);
        }
        long valuesPerBatch = (long) batchSize * 3 * model.size() * model.size();
        if (valuesPerBatch > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--batch-size " + batchSize + " makes a batch of " + valuesPerBatch
                    + " values, more than a tensor holds (2^31 - 1); 8 to 64 faces a step is usual");
        }
        LearningRates.requireUsable(learningRate, "Adam's is usually 1e-5 to 1e-3");
        // written so that NaN fails each test: every comparison with NaN is false
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("--beta1 and Adam's β₂ must lie in [0, 1), got " + beta1 + " and " + beta2);
        }
        if (!(ganWeight >= 0 && Double.isFinite(ganWeight))) {
            throw new IllegalArgumentException("--gan-weight must be a finite number of at least 0, got " + ganWeight);
        }
    }

    /** The defaults of {@code masquerade faceswap train}: faceswap_small, 5,000 steps of 16 faces, Adam at 5e-5 with β₁ 0.5. */
    public static Builder builder() {
        return new Builder(new FaceSwapOptions(FaceSwapConfig.SMALL, 5000, 16, 5e-5, 0.5, 0.999, FaceSwapLoss.DEFAULT, Augmentation.DEFAULT,
                100, 500, 42, true, Device.defaultDevice(), 0, null));
    }

    /** A builder that starts from these options. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Sets options one by one, by name; {@link #build} checks them. */
    public static final class Builder {
        private FaceSwapConfig model;
        private int steps;
        private int batchSize;
        private double learningRate;
        private double beta1;
        private double beta2;
        private FaceSwapLoss loss;
        private Augmentation augmentation;
        private int previewEvery;
        private int checkpointEvery;
        private long seed;
        private boolean progress;
        private Device device;
        private double ganWeight;
        private java.nio.file.Path timelapse;

        private Builder(FaceSwapOptions from) {
            model = from.model;
            steps = from.steps;
            batchSize = from.batchSize;
            learningRate = from.learningRate;
            beta1 = from.beta1;
            beta2 = from.beta2;
            loss = from.loss;
            augmentation = from.augmentation;
            previewEvery = from.previewEvery;
            checkpointEvery = from.checkpointEvery;
            seed = from.seed;
            progress = from.progress;
            device = from.device;
            ganWeight = from.ganWeight;
            timelapse = from.timelapse;
        }

        public Builder model(FaceSwapConfig value) {
            model = value;
            return this;
        }

        public Builder steps(int value) {
            steps = value;
            return this;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        public Builder learningRate(double value) {
            learningRate = value;
            return this;
        }

        public Builder beta1(double value) {
            beta1 = value;
            return this;
        }

        public Builder beta2(double value) {
            beta2 = value;
            return this;
        }

        public Builder loss(FaceSwapLoss value) {
            loss = value;
            return this;
        }

        public Builder augmentation(Augmentation value) {
            augmentation = value;
            return this;
        }

        public Builder previewEvery(int value) {
            previewEvery = value;
            return this;
        }

        public Builder checkpointEvery(int value) {
            checkpointEvery = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder progress(boolean value) {
            progress = value;
            return this;
        }

        public Builder device(Device value) {
            device = value;
            return this;
        }

        /** The adversarial refinement at this weight (0: off). */
        public Builder ganWeight(double value) {
            ganWeight = value;
            return this;
        }

        /** Saves a timelapse of the swap into this folder (null: none). */
        public Builder timelapse(java.nio.file.Path value) {
            timelapse = value;
            return this;
        }

        /** The options, checked. */
        public FaceSwapOptions build() {
            return new FaceSwapOptions(model, steps, batchSize, learningRate, beta1, beta2, loss, augmentation, previewEvery, checkpointEvery,
                    seed, progress, device, ganWeight, timelapse);
        }
    }
}
