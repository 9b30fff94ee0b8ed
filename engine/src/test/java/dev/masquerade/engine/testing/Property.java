package dev.masquerade.engine.testing;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.DynamicTest;

/**
 * A property: a statement that must hold for every value a generator produces.
 * <pre>{@code
 * Property.forAll("softmax rows sum to 1", Gens.shapes(1, 4, 1, 5))
 *         .check(shape -> assertEquals(...));
 * }</pre>
 * The check runs on {@link #DEFAULT_TRIES} (or {@link #tries(int)}) generated values. The
 * first failure is shrunk to a simpler counter-example and reported with the seed that
 * reproduces it.
 *
 * <p>Seeds: by default each property's seed is derived from its name, so runs are repeatable.
 * System properties change that: {@code -Dmasquerade.seed=N} replays the try whose seed a
 * failure report printed (it becomes the first try), {@code -Dmasquerade.seed=random} explores
 * fresh values, and {@code -Dmasquerade.tries=N} changes the number of tries of every property.
 *
 * @param <T> the type of generated value
 */
public final class Property<T> {
    /** Tries per property unless configured otherwise. */
    public static final int DEFAULT_TRIES = 100;
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final int MAX_SHRINK_STEPS = 500;

    private final String name;
    private final Gen<T> gen;
    private int tries = DEFAULT_TRIES;

    private Property(String name, Gen<T> gen) {
        this.name = name;
        this.gen = gen;
    }

    /** A property over the values of {@code gen}. */
    public static <T> Property<T> forAll(String name, Gen<T> gen) {
        return new Property<>(name, gen);
    }

    /** Sets how many values to try (unless {@code -Dmasquerade.tries} overrides every property). */
    public Property<T> tries(int count) {
        this.tries = count;
        return this;
    }

    /** The number of tries that will run. */
    public int effectiveTries() {
        return Integer.getInteger("masquerade.tries", tries);
    }

    /** The seed of the first try; see the class comment. */
    public long baseSeed() {
        String configured = System.getProperty("masquerade.seed");
        if (configured == null || configured.isBlank()) {
            return mix(name.hashCode());
        }
        return configured.equals("random") ? mix(System.nanoTime()) : Long.parseLong(configured.trim());
    }

    /**
     * Runs the check on every try; {@code check} signals a failure by throwing (an assertion).
     *
     * @throws PropertyFailure with the seed and the shrunk counter-example
     */
    public void check(Consumer<T> check) {
        long base = baseSeed();
        int count = effectiveTries();
        for (int i = 0; i < count; i++) {
            long seed = base + i * GOLDEN_GAMMA;
            T value = gen.generate(new SplittableRandom(seed));
            Throwable failure = failureOf(check, value);
            if (failure != null) {
                Shrunk<T> shrunk = shrink(check, value, failure);
                throw new PropertyFailure(name, seed, i + 1, count, shrunk.steps, shrunk.value, shrunk.failure);
            }
        }
    }

    /** The property as a JUnit dynamic test named after it. */
    public DynamicTest test(Consumer<T> check) {
        return DynamicTest.dynamicTest(name + " (" + effectiveTries() + " tries)", () -> check(check));
    }

    private record Shrunk<T>(T value, Throwable failure, int steps) {
    }

    private Shrunk<T> shrink(Consumer<T> check, T value, Throwable failure) {
        int steps = 0;
        boolean progressed = true;
        while (progressed && steps < MAX_SHRINK_STEPS) {
            progressed = false;
            List<T> candidates = gen.shrink(value);
            for (T candidate : candidates) {
                Throwable candidateFailure = failureOf(check, candidate);
                if (candidateFailure != null) {
                    value = candidate;
                    failure = candidateFailure;
                    steps++;
                    progressed = true;
                    break;
                }
            }
        }
        return new Shrunk<>(value, failure, steps);
    }

    private static <T> Throwable failureOf(Consumer<T> check, T value) {
        try {
            check.accept(value);
            return null;
        } catch (AssertionError | RuntimeException e) {
            return e;
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
