package dev.masquerade.gan.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Watches a GAN run for the two signs of failure that a loss curve alone hides: the
 * discriminator's loss falling to about zero (it rejects every fake, and the generator's
 * gradient vanishes), and coverage dropping (classes or modes the generator used to produce
 * are gone: mode collapse). Each sign is reported once per onset, as a sentence for the log.
 */
public final class CollapseWatch {
    /** Steps over which the discriminator's loss is averaged. */
    public static final int WINDOW = 100;
    /** A mean discriminator loss below this counts as "about zero". */
    public static final double VANISHED_LOSS = 0.01;

    private final double[] recent = new double[WINDOW];
    private long seen;
    private boolean discriminatorWon;
    private int bestCoverage;
    private boolean coverageDropped;

    /** Records one step's discriminator loss; returns a warning when the loss has just fallen to about zero. */
    public List<String> step(long step, double discriminatorLoss) {
        recent[(int) (seen++ % WINDOW)] = discriminatorLoss;
        List<String> warnings = new ArrayList<>();
        if (seen >= WINDOW) {
            double mean = 0;
            for (double v : recent) {
                mean += v / WINDOW;
            }
            boolean won = mean < VANISHED_LOSS;
            if (won && !discriminatorWon) {
                warnings.add(String.format("step %d: the discriminator's loss fell to %.4f (mean of %d steps): it rejects every fake and "
                        + "the generator's gradient vanishes (collapse)", step, mean, WINDOW));
            }
            discriminatorWon = won;
        }
        return warnings;
    }

    /**
     * Records a coverage measurement (classes or modes with a fair share of the samples);
     * returns a warning when it falls at least two below the best seen so far.
     */
    public List<String> coverage(String where, int covered, int of) {
        List<String> warnings = new ArrayList<>();
        boolean dropped = covered <= bestCoverage - 2;
        if (dropped && !coverageDropped) {
            warnings.add(String.format("%s: coverage dropped to %d of %d from %d: the generator has stopped producing some modes "
                    + "(mode collapse)", where, covered, of, bestCoverage));
        }
        coverageDropped = dropped;
        bestCoverage = Math.max(bestCoverage, covered);
        return warnings;
    }
}
