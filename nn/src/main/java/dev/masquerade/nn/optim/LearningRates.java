package dev.masquerade.nn.optim;

/**
 * The learning rates a training command accepts: above 0 and at most 1. Adam moves each weight
 * by about the learning rate per step, so a rate above 1 throws any network off its scale within
 * a step or two; a rate of 0 or NaN trains nothing while looking like a run.
 */
public final class LearningRates {
    private LearningRates() {
    }

    /**
     * Returns {@code rate} if it lies in (0, 1], else throws an error naming {@code --lr}.
     *
     * @param usual the usual rate of the model in words, for the message ("DCGAN's is 2e-4")
     */
    public static double requireUsable(double rate, String usual) {
        if (!(rate > 0 && rate <= 1)) { // written so that NaN fails: every comparison with NaN is false
            throw new IllegalArgumentException("--lr must be a number in (0, 1] (" + usual + "), got " + rate);
        }
        return rate;
    }
}
