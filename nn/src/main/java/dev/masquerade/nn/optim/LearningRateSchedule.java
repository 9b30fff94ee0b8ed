package dev.masquerade.nn.optim;

/** The learning rate as a function of the epoch (or step) number, starting at 0. */
@FunctionalInterface
public interface LearningRateSchedule {
    double rate(int epoch);

    /** The initial rate times gamma for every stepSize epochs completed. */
    static LearningRateSchedule step(double initial, int stepSize, double gamma) {
        return epoch -> initial * Math.pow(gamma, epoch / stepSize);
    }

    /** Cosine annealing from initial down to minimum over total epochs, then minimum. */
    static LearningRateSchedule cosine(double initial, double minimum, int total) {
        return epoch -> epoch >= total ? minimum
                : minimum + (initial - minimum) * (1 + Math.cos(Math.PI * epoch / total)) / 2;
    }
}
