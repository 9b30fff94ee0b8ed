package dev.masquerade.engine.cpu;

import dev.masquerade.engine.array.DType;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The arrays of released CPU storages, kept for the next storage of the same type and size.
 *
 * <p>A training step allocates the same tensors, of the same sizes, every step, and a
 * {@code Memory} scope releases them all when the step ends. Without this pool every one is a
 * new Java array: the collector then reclaims about a gigabyte a step for a model like the
 * motion model's, and the JVM zeroes the next gigabyte (and gives memory back to the operating
 * system and takes it again, which shows up as system time). With it, the second step on
 * allocates next to nothing. PyTorch's CPU allocator leans on {@code malloc} keeping freed
 * blocks for the same reason.
 *
 * <p>A recycled array holds whatever its last tensor left in it: {@code Tensor.empty} promises
 * no contents, and every kernel writes each element of its output before reading it. The
 * property {@code masquerade.cpu.poison=true} (set for the test suites) fills each array
 * handed out with NaN (integers with {@link Integer#MIN_VALUE}), so a kernel that read memory
 * it had not written would fail its tests instead of passing by the JVM's zeroing.
 *
 * <p>Small arrays are not kept (the JVM allocates those almost for free), and the pool holds at
 * most half the heap (a motion-model step releases about a gigabyte); a release that would go
 * past that empties the pool first, so the arrays of a model trained earlier give way to the
 * current one's, and so does an allocation the heap cannot otherwise satisfy.
 */
final class ArrayPool {
    /** Arrays below this many elements are left to the collector. */
    static final int MIN_ELEMENTS = 4096;
    private static final boolean POISON = Boolean.getBoolean("masquerade.cpu.poison");
    private static final long CAPACITY_BYTES = Runtime.getRuntime().maxMemory() / 2;
    private static final ArrayPool SHARED = new ArrayPool(CAPACITY_BYTES);

    private final long capacityBytes;
    private final Map<Long, ArrayDeque<Object>> free = new HashMap<>();
    private long bytesHeld;

    ArrayPool(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    /** The pool every CPU storage shares. */
    static ArrayPool shared() {
        return SHARED;
    }

    /** An array of {@code size} elements of dtype's Java type: a recycled one when the pool holds one. */
    Object take(DType dtype, int size) {
        Object array = size >= MIN_ELEMENTS ? takeFree(dtype, size) : null;
        if (array == null) {
            try {
                array = newArray(dtype, size);
            } catch (OutOfMemoryError full) { // the pool's arrays of other sizes may be what the heap lacks
                clear();
                array = newArray(dtype, size);
            }
        }
        if (POISON) {
            poison(array);
        }
        return array;
    }

    /** Gives an array back: a later {@link #take} of its type and size may return it. Nothing may use it afterwards. */
    void give(DType dtype, Object array) {
        int size = java.lang.reflect.Array.getLength(array);
        if (size < MIN_ELEMENTS) {
            return;
        }
        long bytes = (long) size * dtype.bytes();
        synchronized (this) {
            if (bytesHeld + bytes > capacityBytes) {
                clear();
                if (bytes > capacityBytes) {
                    return;
                }
            }
            free.computeIfAbsent(key(dtype, size), k -> new ArrayDeque<>()).push(array);
            bytesHeld += bytes;
        }
    }

    /** Lets the collector have every array waiting here. */
    synchronized void clear() {
        free.clear();
        bytesHeld = 0;
    }

    /** Bytes of the arrays waiting to be reused (for tests). */
    synchronized long bytesHeld() {
        return bytesHeld;
    }

    private synchronized Object takeFree(DType dtype, int size) {
        ArrayDeque<Object> arrays = free.get(key(dtype, size));
        if (arrays == null || arrays.isEmpty()) {
            return null;
        }
        bytesHeld -= (long) size * dtype.bytes();
        return arrays.pop();
    }

    private static Object newArray(DType dtype, int size) {
        return switch (dtype) {
            case F32 -> new float[size];
            case F64 -> new double[size];
            case I32 -> new int[size];
        };
    }

    private static long key(DType dtype, int size) {
        return ((long) dtype.ordinal() << 32) | size;
    }

    private static void poison(Object array) {
        if (array instanceof float[] floats) {
            Arrays.fill(floats, Float.NaN);
        } else if (array instanceof double[] doubles) {
            Arrays.fill(doubles, Double.NaN);
        } else {
            Arrays.fill((int[]) array, Integer.MIN_VALUE);
        }
    }
}
