package dev.masquerade.engine.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests on data fetched from outside the repository (a Debian data set, pre-trained weights,
 * photos) skip where it is missing, with one line naming how to fetch it, except in CI
 * (the environment variable CI is set), which fetches it: there a missing file fails the test.
 */
public final class ExternalData {
    private ExternalData() {
    }

    /** Skips the calling test, or under CI fails it, with {@code message} when {@code present} is false. */
    public static void require(boolean present, String message) {
        if (System.getenv("CI") != null) {
            assertTrue(present, message);
        } else {
            assumeTrue(present, message);
        }
    }
}
