package dev.masquerade.engine.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The harness itself: tries, shrinking, seeds and replay, domains, non-contiguous inputs. */
class PropertyTest {

    @Test
    void runsTheConfiguredNumberOfTries() {
        AtomicInteger calls = new AtomicInteger();
        Property.forAll("counting", Gens.shapes()).check(shape -> calls.incrementAndGet());
        assertEquals(Property.DEFAULT_TRIES, calls.get());
        calls.set(0);
        Property.forAll("counting", Gens.shapes()).tries(7).check(shape -> calls.incrementAndGet());
        assertEquals(7, calls.get());
    }

    @Test
    void shrinksAFailureToTheSimplestCounterExample() {
        PropertyFailure failure = assertThrows(PropertyFailure.class,
                () -> Property.forAll("rank below 2", Gens.shapes()).check(shape -> assertTrue(shape.length < 2)));
        assertArrayEquals(new int[] {1, 1}, (int[]) failure.counterExample());
        assertTrue(failure.getMessage().contains("Replay with -Dmasquerade.seed=" + failure.seed()), failure.getMessage());
    }

    @Test
    void aReportedSeedReplaysTheFailingValueAsTheFirstTry() {
        Gen<int[]> shapes = Gens.shapes();
        List<int[]> seen = new ArrayList<>();
        PropertyFailure failure = assertThrows(PropertyFailure.class, () -> Property.forAll("numel below 100", shapes).check(shape -> {
            seen.add(shape);
            assertTrue(dev.masquerade.engine.array.Shape.numel(shape) < 100);
        }));
        int[] failingOriginal = shapes.generate(new SplittableRandom(failure.seed()));
        assertTrue(dev.masquerade.engine.array.Shape.numel(failingOriginal) >= 100);
        String previous = System.getProperty("masquerade.seed");
        System.setProperty("masquerade.seed", Long.toString(failure.seed()));
        try {
            List<int[]> replayed = new ArrayList<>();
            Property.forAll("numel below 100", shapes).tries(1).check(replayed::add);
            assertArrayEquals(failingOriginal, replayed.get(0));
        } finally {
            if (previous == null) {
                System.clearProperty("masquerade.seed");
            } else {
                System.setProperty("masquerade.seed", previous);
            }
        }
    }

    @Test
    void broadcastableShapesBroadcast() {
        Property.forAll("broadcastable triples broadcast", Gens.broadcastable(3)).check(layout -> {
            int[] common = dev.masquerade.engine.array.Shape.broadcast("t", layout.shape(0), layout.shape(1));
            dev.masquerade.engine.array.Shape.broadcast("t", common, layout.shape(2));
        });
    }

    @Test
    void domainsKeepAwayFromKinksAndTies() {
        SplittableRandom random = new SplittableRandom(3);
        Layout none = Layout.of(List.of());
        for (double v : Domain.any().avoiding(0, 1).values(random, 10_000, none, false)) {
            assertTrue(Math.abs(v) >= Domain.KINK_MARGIN && Math.abs(v - 1) >= Domain.KINK_MARGIN && v >= -2 && v <= 2, "value " + v);
        }
        double[] distinct = Domain.any().distinct().values(random, 500, none, false).clone();
        java.util.Arrays.sort(distinct);
        for (int i = 1; i < distinct.length; i++) {
            assertTrue(distinct[i] - distinct[i - 1] > 1e-4, "tie near " + distinct[i]);
        }
        for (double v : Domain.indices(l -> 3).values(random, 100, none, false)) {
            assertTrue(v == 0 || v == 1 || v == 2);
        }
    }

    @Test
    void permutedInputsAreNonContiguousWithTheSameValues() {
        double[] values = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        HostTensor host = new HostTensor(values, new int[] {2, 3, 2}, DType.F64, new int[] {2, 0, 1});
        Tensor t = host.toTensor(DType.F32);
        assertFalse(t.isContiguous());
        assertArrayEquals(values, t.toDoubleArray(), 0);
    }
}
