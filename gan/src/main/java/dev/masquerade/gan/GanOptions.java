package dev.masquerade.gan;

import dev.masquerade.nn.layers.Upsampling;
import dev.masquerade.nn.optim.LearningRates;

/**
 * How to train a GAN; Adam with β₂ = 0.999 for both networks. Build one by name from Radford
 * et al.'s DCGAN settings and change what differs:
 *
 * <pre>{@code
 * GanOptions options = GanOptions.builder().loss(GanLoss.HINGE).discriminatorSteps(2).epochs(10).build();
 * }</pre>
 *
 * @param loss               the loss both networks minimise
 * @param discriminatorSteps k, discriminator updates per generator update
 * @param smoothing          one-sided label smoothing (real labelled 1 − smoothing)
 * @param epochs             passes over the real data
 * @param batchSize          real images or points per discriminator step
 * @param learningRate       Adam's learning rate, for both networks
 * @param beta1              Adam's β₁, for both networks
 * @param seed               seed of initialisation, noise and batches
 * @param progress           whether to draw progress bars
 * @param init               how both networks' weights start: paper (N(0, 0.02) as in DCGAN, the
 *                           default) or default (the layers' own, PyTorch's); see
 *                           {@link dev.masquerade.nn.Initialisation} and tutorials/23-initialisation.md
 * @param upsampling         how DCGAN-28's generator doubles its pictures (transposed convolution,
 *                           the paper's; resize then convolve; pixel shuffle): the fingerprints of
 *                           tutorials/27-fourier.md
 */
public record GanOptions(GanLoss loss, int discriminatorSteps, double smoothing, int epochs, int batchSize, double learningRate,
                         double beta1, long seed, boolean progress, String init, Upsampling upsampling) {
    public GanOptions {
        dev.masquerade.nn.Initialisation.parse(init); // one line naming the choices when it is neither
        if (discriminatorSteps < 1 || discriminatorSteps > 100 || epochs < 1 || batchSize < 2) {
            throw new IllegalArgumentException("--d-steps must be from 1 to 100, --epochs at least 1 and --batch-size at least 2; got "
                    + discriminatorSteps + ", " + epochs + " and " + batchSize);
        }
        LearningRates.requireUsable(learningRate, "DCGAN's is 2e-4");
        // written so that NaN fails each test: every comparison with NaN is false
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("--beta1 must lie in [0, 1), got " + beta1);
        }
        if (!(smoothing >= 0 && smoothing < 1)) {
            throw new IllegalArgumentException("--smoothing must lie in [0, 1), got " + smoothing);
        }
    }

    /**
     * Radford et al.'s settings, those of dcgan28 in MODELS.md: the non-saturating loss, k = 1,
     * no smoothing, 5 epochs, batch 64, Adam lr 2e-4, β₁ 0.5, seed 42, progress bars on, transposed convolutions.
     */
    public static Builder builder() {
        return new Builder(new GanOptions(GanLoss.NONSATURATING, 1, 0, 5, 64, 2e-4, 0.5, 42, true, "paper", Upsampling.TRANSPOSED));
    }

    /** A builder that starts from these options. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Sets options one by one, by name; {@link #build} checks them. */
    public static final class Builder {
        private GanLoss loss;
        private int discriminatorSteps;
        private double smoothing;
        private int epochs;
        private int batchSize;
        private double learningRate;
        private double beta1;
        private long seed;
        private boolean progress;
        private String init;
        private Upsampling upsampling;

        private Builder(GanOptions from) {
            loss = from.loss;
            discriminatorSteps = from.discriminatorSteps;
            smoothing = from.smoothing;
            epochs = from.epochs;
            batchSize = from.batchSize;
            learningRate = from.learningRate;
            beta1 = from.beta1;
            seed = from.seed;
            progress = from.progress;
            init = from.init;
            upsampling = from.upsampling;
        }

        public Builder loss(GanLoss value) {
            loss = value;
            return this;
        }

        public Builder discriminatorSteps(int value) {
            discriminatorSteps = value;
            return this;
        }

        public Builder smoothing(double value) {
            smoothing = value;
            return this;
        }

        public Builder epochs(int value) {
            epochs = value;
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

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder progress(boolean value) {
            progress = value;
            return this;
        }

        /** default or paper (see {@link GanOptions#init()}). */
        public Builder init(String value) {
            init = value;
            return this;
        }

        /** transposed, resize or shuffle (see {@link GanOptions#upsampling()}). */
        public Builder upsampling(Upsampling value) {
            upsampling = value;
            return this;
        }

        /** The options, checked. */
        public GanOptions build() {
            return new GanOptions(loss, discriminatorSteps, smoothing, epochs, batchSize, learningRate, beta1, seed, progress, init, upsampling);
        }
    }
}
