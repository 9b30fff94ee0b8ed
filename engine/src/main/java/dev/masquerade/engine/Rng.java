package dev.masquerade.engine;

import java.util.SplittableRandom;

/**
 * An explicit, seeded source of random numbers. Every random factory takes one, so that a run
 * is reproducible from its seed alone: there is no hidden global generator.
 */
public final class Rng {
    private final SplittableRandom random;

    /** A generator that produces the same sequence for the same seed. */
    public Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    private Rng(SplittableRandom random) {
        this.random = random;
    }

    /** A uniform value in [0, 1). */
    public double uniform() {
        return random.nextDouble();
    }

    /** A uniform value in [low, high); low itself when the range is empty (low == high). */
    public double uniform(double low, double high) {
        if (high < low) {
            throw new IllegalArgumentException("uniform: high " + high + " is below low " + low);
        }
        return high == low ? low : random.nextDouble(low, high);
    }

    /** A standard normal value (Box-Muller transform). */
    public double normal() {
        double u1 = 1.0 - random.nextDouble(); // in (0, 1], so the log is finite
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** A uniform integer in [0, bound). */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** An independent generator, for example one per data-loader worker. */
    public Rng split() {
        return new Rng(random.split());
    }
}
