package dev.masquerade.engine.testing;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A generator of random test values that also knows how to make a failing value simpler.
 *
 * <p>{@link #generate} draws a value from a seeded random source, so the same seed always
 * gives the same value. {@link #shrink} lists simpler variants of a value (smaller shapes,
 * plainer numbers); when a property fails, {@link Property} walks these until none of them
 * fails any more, and reports the simplest failing value it found.
 *
 * @param <T> the type of value generated
 */
public interface Gen<T> {

    /** A random value drawn from {@code random}. */
    T generate(SplittableRandom random);

    /** Simpler variants of {@code value}, most promising first; empty when it cannot shrink. */
    default List<T> shrink(T value) {
        return List.of();
    }
}
