package dev.masquerade.kernels;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jocl.cl_mem;

/**
 * A caching allocator: buffers given back are kept, by size, for the next allocation of that
 * size. A training step allocates the same sizes step after step, so after the first step
 * almost nothing is allocated from the driver; on a GPU, creating and releasing a buffer can
 * cost more than the kernel that uses it (releasing can even wait for the device), which is
 * why PyTorch's CUDA allocator caches too.
 *
 * <p>Reusing a buffer at once is safe because every command goes through one in-order queue:
 * a kernel that writes into the reused buffer runs after every earlier kernel that read it.
 * The pool keeps at most {@code limitBytes}; beyond that, buffers are handed back for release.
 * Not thread-safe: its backend calls it under its own lock.
 */
final class BufferPool {
    private final long limitBytes;
    private final Map<Long, ArrayDeque<cl_mem>> free = new HashMap<>();
    private long pooledBytes;

    BufferPool(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    /** A kept buffer of exactly {@code bytes}, or null when there is none. */
    cl_mem take(long bytes) {
        ArrayDeque<cl_mem> sized = free.get(bytes);
        if (sized == null || sized.isEmpty()) {
            return null;
        }
        pooledBytes -= bytes;
        return sized.pop();
    }

    /** Keeps a buffer for reuse; returns it when the pool is full, for the caller to release. */
    cl_mem give(cl_mem memory, long bytes) {
        if (pooledBytes + bytes > limitBytes) {
            return memory;
        }
        free.computeIfAbsent(bytes, b -> new ArrayDeque<>()).push(memory);
        pooledBytes += bytes;
        return null;
    }

    /** Empties the pool (when the driver is out of memory): every kept buffer, for the caller to release. */
    List<cl_mem> drain() {
        List<cl_mem> all = new ArrayList<>();
        free.values().forEach(all::addAll);
        free.clear();
        pooledBytes = 0;
        return all;
    }

    /** Bytes kept for reuse, not in use. */
    long pooledBytes() {
        return pooledBytes;
    }
}
