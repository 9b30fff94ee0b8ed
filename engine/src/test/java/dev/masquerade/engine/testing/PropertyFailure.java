package dev.masquerade.engine.testing;

/**
 * Thrown when a property fails: names the property, the seed that reproduces the failing
 * try, and the shrunk counter-example; the cause is the original assertion.
 */
public final class PropertyFailure extends AssertionError {
    private static final long serialVersionUID = 1L;
    private final long seed;
    private final transient Object counterExample;

    PropertyFailure(String property, long seed, int tryNumber, int tries, int shrinkSteps, Object counterExample, Throwable cause) {
        super("Property '" + property + "' failed on try " + tryNumber + " of " + tries + " (seed " + seed + ").\n"
                + "Counter-example after " + shrinkSteps + " shrink steps: " + counterExample + "\n"
                + "Failure: " + cause.getMessage() + "\n"
                + "Replay with -Dmasquerade.seed=" + seed, cause);
        this.seed = seed;
        this.counterExample = counterExample;
    }

    /** The seed of the failing try. */
    public long seed() {
        return seed;
    }

    /** The simplest failing value found. */
    public Object counterExample() {
        return counterExample;
    }
}
