package dev.masquerade.translation;

import dev.masquerade.translation.models.Norm;
import dev.masquerade.nn.layers.Upsampling;

/**
 * The settings of a translation run. Defaults are pix2pix's and CycleGAN's: Adam with learning
 * rate 2e-4 and β₁ = 0.5, constant for the first half of the steps and then falling linearly to
 * zero; λ = 100 for pix2pix's L1 term, λ = 10 for CycleGAN's cycle terms, identity 0.5·λ.
 *
 * @param batchSize pictures per step; 0 for the task's own
 * @param width the generator's first layer's channels; 0 for the task's own
 * @param lambda the weight of the L1 term (pix2pix, unet-l1) or of the cycle terms (CycleGAN); negative for the model's own
 * @param previewEvery steps between preview pictures (and loss.png)
 * @param checkpointEvery steps between checkpoints
 */
public record TranslationOptions(TranslationModel model, Upsampling upsampling, Norm norm, int steps, int batchSize, int width,
                                 double learningRate, double beta1, double lambda, double identity, int previewEvery, int checkpointEvery,
                                 long seed, boolean progress) {

    public TranslationOptions {
        if (steps < 1 || batchSize < 0 || width < 0 || previewEvery < 1 || checkpointEvery < 1 || !(learningRate > 0) || identity < 0) {
            throw new IllegalArgumentException("translation: needs steps, intervals and the learning rate above 0 and batch size, width"
                    + " and identity at least 0, got steps " + steps + ", batch size " + batchSize + ", width " + width);
        }
    }

    /** The defaults for a model and a number of steps: transposed upsampling, instance normalisation, the task's sizes. */
    public static TranslationOptions defaults(TranslationModel model, int steps) {
        return new TranslationOptions(model, Upsampling.TRANSPOSED, Norm.INSTANCE, steps, 0, 0, 2e-4, 0.5, -1, CycleGan.LAMBDA_IDENTITY,
                Math.max(1, steps / 10), Math.max(1, steps / 4), 1, false);
    }

    /** λ: the one given, or the model's own. */
    public double effectiveLambda() {
        return lambda >= 0 ? lambda : model == TranslationModel.CYCLEGAN ? CycleGan.LAMBDA_CYCLE : Pix2Pix.LAMBDA_L1;
    }

    /** The learning rate's factor at a step: 1 for the first half, then falling linearly towards 0 (pix2pix's "linear" policy). */
    public double learningRateFactor(long step) {
        long half = steps / 2;
        return 1 - Math.max(0, step - half) / (double) (steps - half + 1);
    }

    /** These options with another number of steps (a resumed run trained on to a new total). */
    public TranslationOptions withSteps(int newSteps) {
        return new TranslationOptions(model, upsampling, norm, newSteps, batchSize, width, learningRate, beta1, lambda, identity,
                previewEvery, checkpointEvery, seed, progress);
    }
}
