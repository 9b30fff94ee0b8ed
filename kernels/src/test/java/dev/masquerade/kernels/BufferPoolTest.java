package dev.masquerade.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.jocl.cl_mem;
import org.junit.jupiter.api.Test;

/** The caching allocator hands a buffer back out only for the same size, and keeps no more than its limit. */
class BufferPoolTest {
    private final BufferPool pool = new BufferPool(1000);

    @Test
    void aBufferGivenBackIsTakenAgainForTheSameSizeOnly() {
        cl_mem buffer = new cl_mem();
        assertNull(pool.give(buffer, 400));
        assertNull(pool.take(399), "another size gets a new buffer");
        assertSame(buffer, pool.take(400));
        assertNull(pool.take(400), "each buffer goes out once");
        assertEquals(0, pool.pooledBytes());
    }

    @Test
    void aFullPoolRefusesTheBufferForTheCallerToRelease() {
        cl_mem first = new cl_mem(), second = new cl_mem(), third = new cl_mem();
        assertNull(pool.give(first, 600));
        assertNull(pool.give(second, 400));
        assertSame(third, pool.give(third, 1), "1,001 bytes would pass the limit of 1,000");
        assertEquals(1000, pool.pooledBytes());
    }

    @Test
    void drainingHandsBackEveryKeptBuffer() {
        cl_mem first = new cl_mem(), second = new cl_mem();
        pool.give(first, 8);
        pool.give(second, 8);
        List<cl_mem> drained = pool.drain();
        assertEquals(2, drained.size());
        assertEquals(0, pool.pooledBytes());
        assertNull(pool.take(8));
    }
}
