package dev.masquerade.kernels;

import static org.jocl.CL.CL_DEVICE_GLOBAL_MEM_SIZE;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clGetDeviceInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_mem;

/**
 * The buffers of one OpenCL device, for {@link OpenClBackend}: where each comes from and where
 * it goes. A storage that is released (its {@link dev.masquerade.engine.Memory} scope closed)
 * or collected (the Cleaner's safety net) queues its buffer here from any thread; the
 * backend's next call takes the queue in on its own thread, into a {@link BufferPool} for the
 * next allocation of that size or, when the pool is full, released after the queue has
 * drained. {@link #bytesInUse} counts the buffers handed out and not yet given back.
 *
 * <p>{@link #takeBack} and {@link #buffer} run under the backend's lock.
 */
final class OpenClMemory {
    private final cl_context context;
    private final cl_command_queue queue;
    /** Buffers whose storage was released or collected, to take back at the next call. */
    private final ConcurrentLinkedQueue<OpenClStorage.Buffer> released = new ConcurrentLinkedQueue<>();
    /** Buffers given back, kept for reuse (a quarter of the device's memory at most). */
    private final BufferPool pool;
    private final AtomicLong bytesInUse = new AtomicLong();

    OpenClMemory(cl_context context, cl_command_queue queue, OpenCl.DeviceEntry entry) {
        this.context = context;
        this.queue = queue;
        long[] globalMemory = new long[1];
        clGetDeviceInfo(entry.device(), CL_DEVICE_GLOBAL_MEM_SIZE, Sizeof.cl_ulong, Pointer.to(globalMemory), null);
        this.pool = new BufferPool(globalMemory[0] / 4);
    }

    /** Queues a buffer to be taken back; makes no OpenCL call, so it is safe from any thread. */
    void releaseLater(OpenClStorage.Buffer buffer) {
        released.add(buffer);
    }

    /** Hands the queued buffers to the pool, each once; those the full pool refuses are released. */
    void takeBack() {
        List<cl_mem> refused = null; // made only when needed: this runs before every launch
        for (OpenClStorage.Buffer buffer = released.poll(); buffer != null; buffer = released.poll()) {
            if (buffer.released().compareAndSet(false, true)) {
                bytesInUse.addAndGet(-buffer.bytes());
                cl_mem memory = pool.give(buffer.memory(), buffer.bytes());
                if (memory != null) {
                    refused = refused == null ? new ArrayList<>() : refused;
                    refused.add(memory);
                }
            }
        }
        if (refused != null) {
            releaseNow(refused);
        }
    }

    private void releaseNow(List<cl_mem> buffers) {
        if (!buffers.isEmpty()) {
            clFinish(queue);
            buffers.forEach(org.jocl.CL::clReleaseMemObject);
        }
    }

    /**
     * A buffer of {@code bytes}, counted as in use: from the pool when it holds one of that
     * size, else new (after emptying the pool if the device is full).
     */
    cl_mem buffer(long bytes) {
        cl_mem memory = pool.take(bytes);
        if (memory == null) {
            try {
                memory = clCreateBuffer(context, CL_MEM_READ_WRITE, bytes, null, null);
            } catch (CLException e) {
                releaseNow(pool.drain());
                memory = clCreateBuffer(context, CL_MEM_READ_WRITE, bytes, null, null);
            }
        }
        bytesInUse.addAndGet(bytes);
        return memory;
    }

    /** Bytes of the buffers handed out and not yet taken back (pooled buffers are not in use). */
    long bytesInUse() {
        return bytesInUse.get();
    }
}
