package dev.masquerade.engine.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.masquerade.engine.Memory;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import org.junit.jupiter.api.Test;

/** Released CPU arrays come back for the next storage of their type and size, and only then. */
class ArrayPoolTest {
    private static final int SIZE = ArrayPool.MIN_ELEMENTS * 2;

    @Test
    void anArrayGivenBackIsTheNextOneTakenOfItsTypeAndSize() {
        ArrayPool pool = new ArrayPool(1 << 20);
        Object given = pool.take(DType.F32, SIZE);
        pool.give(DType.F32, given);
        assertNotSame(given, pool.take(DType.F32, SIZE + 1), "another size gets a new array");
        assertNotSame(given, pool.take(DType.I32, SIZE), "another type gets a new array");
        assertSame(given, pool.take(DType.F32, SIZE));
        assertNotSame(given, pool.take(DType.F32, SIZE), "an array is handed out once");
    }

    @Test
    void smallArraysAreLeftToTheCollector() {
        ArrayPool pool = new ArrayPool(1 << 20);
        Object small = pool.take(DType.F64, ArrayPool.MIN_ELEMENTS - 1);
        pool.give(DType.F64, small);
        assertEquals(0, pool.bytesHeld());
        assertNotSame(small, pool.take(DType.F64, ArrayPool.MIN_ELEMENTS - 1));
    }

    @Test
    void aReleaseThatWouldGoPastTheCapacityEmptiesThePoolFirst() {
        ArrayPool pool = new ArrayPool(3L * SIZE * 4);
        Object first = pool.take(DType.F32, SIZE);
        Object second = pool.take(DType.F32, 2 * SIZE);
        Object third = pool.take(DType.F32, SIZE);
        pool.give(DType.F32, first);
        pool.give(DType.F32, second);
        assertEquals(3L * SIZE * 4, pool.bytesHeld());
        pool.give(DType.F32, third);
        assertEquals((long) SIZE * 4, pool.bytesHeld(), "only the last release is held");
        assertSame(third, pool.take(DType.F32, SIZE));
        assertNotSame(second, pool.take(DType.F32, 2 * SIZE));
    }

    @Test
    void clearingLetsTheCollectorHaveEveryArray() {
        ArrayPool pool = new ArrayPool(1 << 20);
        Object given = pool.take(DType.F32, SIZE);
        pool.give(DType.F32, given);
        pool.clear();
        assertEquals(0, pool.bytesHeld());
        assertNotSame(given, pool.take(DType.F32, SIZE));
    }

    @Test
    void aTrainingStepTakesItsMemoryFromWhatThePreviousStepReleasedAndThePoolDoesNotGrow() {
        Tensor weights = Tensor.randn(new Rng(3), 64, 64).requiresGrad(true);
        Tensor input = Tensor.randn(new Rng(4), 128, 64);
        ArrayPool pool = ArrayPool.shared();
        long[] heldAfter = new long[3];
        for (int step = 0; step < 3; step++) {
            weights.zeroGrad();
            try (Memory.Scope scope = Memory.scope()) {
                long before = pool.bytesHeld();
                Tensor out = input.matmul(weights).relu();
                out.sum().backward();
                if (step > 0) {
                    assertTrue(pool.bytesHeld() < before, "the step took arrays from the pool");
                }
            }
            heldAfter[step] = pool.bytesHeld();
        }
        assertTrue(heldAfter[0] > 0, "the first step's released arrays wait in the pool");
        assertEquals(heldAfter[1], heldAfter[2], "a step gives back what it took");
    }

    @Test
    void underTheTestSuitesPoisonNewMemoryHoldsNaNNotZeros() {
        assumeTrue(Boolean.getBoolean("masquerade.cpu.poison"), "set by the build's test configuration");
        float[] fresh = floats(Tensor.empty(DType.F32, dev.masquerade.engine.array.Device.CPU, 3, 5));
        for (float value : fresh) {
            assertTrue(Float.isNaN(value));
        }
    }

    private static float[] floats(Tensor t) {
        return ((CpuStorage) t.storage()).floats();
    }
}
