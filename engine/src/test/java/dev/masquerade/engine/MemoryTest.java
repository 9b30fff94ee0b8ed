package dev.masquerade.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import org.junit.jupiter.api.Test;

/** A memory scope releases what was allocated inside it, except what was kept or made persistent. */
class MemoryTest {

    private static void assertReleased(Tensor t) {
        IllegalStateException e = assertThrows(IllegalStateException.class, t::storage);
        assertTrue(e.getMessage().contains("released when the Memory scope"), e.getMessage());
        assertTrue(e.getMessage().contains("scope.keep"), "the message names the fix: " + e.getMessage());
    }

    private static boolean isReleased(Tensor t) {
        try {
            t.storage();
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    @Test
    void closingAScopeReleasesWhatWasAllocatedInsideItAndUsingItAfterwardsSaysSo() {
        Tensor inside;
        Tensor view;
        try (Memory.Scope scope = Memory.scope()) {
            inside = Tensor.ones(2, 3).add(1);
            view = inside.transpose(0, 1);
            assertEquals(12.0, inside.sum().item());
        }
        assertReleased(inside);
        assertReleased(view);
        assertThrows(IllegalStateException.class, inside::item);
    }

    @Test
    void whatExistedBeforeTheScopeSurvivesIt() {
        Tensor before = Tensor.of(new double[] {1, 2, 3}, DType.F64, 3);
        try (Memory.Scope scope = Memory.scope()) {
            before.mul(2);
        }
        assertArrayEquals(new double[] {1, 2, 3}, before.toDoubleArray());
    }

    @Test
    void keepHandsATensorToTheEnclosingScope() {
        Tensor kept;
        try (Memory.Scope outer = Memory.scope()) {
            try (Memory.Scope inner = Memory.scope()) {
                kept = inner.keep(Tensor.ones(2).mul(3));
            }
            assertArrayEquals(new double[] {3, 3}, kept.toDoubleArray());
        }
        assertReleased(kept);
    }

    @Test
    void keepInTheOutermostScopeLeavesTheTensorToTheCollector() {
        Tensor kept;
        try (Memory.Scope scope = Memory.scope()) {
            kept = scope.keep(Tensor.ones(2).mul(3));
        }
        assertArrayEquals(new double[] {3, 3}, kept.toDoubleArray());
    }

    @Test
    void persistentMemoryOutlivesEveryScope() {
        Tensor state;
        try (Memory.Scope scope = Memory.scope()) {
            state = Memory.persist(Tensor.zeros(2));
            state.copyFrom(Tensor.ones(2));
        }
        assertArrayEquals(new double[] {1, 1}, state.toDoubleArray());
    }

    @Test
    void gradientsComputedInAScopeAreReleasedWithIt() {
        Tensor w = Memory.persist(Tensor.of(new double[] {1, 2}, DType.F64, 2).requiresGrad(true));
        try (Memory.Scope scope = Memory.scope()) {
            w.mul(w).sum().backward();
            assertArrayEquals(new double[] {2, 4}, w.grad().toDoubleArray());
        }
        assertReleased(w.grad());
        assertFalse(isReleased(w));
        w.zeroGrad();
    }

    @Test
    void scopesCloseInTheReverseOrderOfOpening() {
        Memory.Scope outer = Memory.scope();
        Memory.Scope inner = Memory.scope();
        IllegalStateException e = assertThrows(IllegalStateException.class, outer::close);
        assertTrue(e.getMessage().contains("reverse order"), e.getMessage());
        inner.close();
        outer.close();
    }

    @Test
    void theCpuDoesNotCountDeviceMemory() {
        assertEquals(-1, Memory.bytesInUse(Device.CPU));
    }
}
