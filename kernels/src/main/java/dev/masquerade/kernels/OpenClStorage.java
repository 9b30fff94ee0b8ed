package dev.masquerade.kernels;

import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Storage;
import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jocl.cl_mem;

/**
 * Device memory: one {@code cl_mem} buffer. It goes back to the device when the
 * {@link dev.masquerade.engine.Memory} scope that owns it closes or, as the safety net, when a
 * {@link Cleaner} sees the storage become unreachable. Either way the buffer is handed to its
 * device's {@link OpenClMemory}, which its backend's next call takes back, for reuse or release;
 * the buffer's flag makes sure that happens once.
 */
final class OpenClStorage extends Storage {
    private static final Cleaner CLEANER = Cleaner.create();

    /** The buffer and what the backend needs to release it exactly once. */
    record Buffer(cl_mem memory, long bytes, AtomicBoolean released) {
        Buffer(cl_mem memory, long bytes) {
            this(memory, bytes, new AtomicBoolean());
        }
    }

    private final OpenClMemory owner;
    private final Buffer buffer;

    OpenClStorage(OpenClBackend backend, OpenClMemory owner, DType dtype, int size, cl_mem memory) {
        super(backend.device(), dtype, size);
        this.owner = owner;
        this.buffer = new Buffer(memory, (long) size * dtype.bytes());
        Buffer unreachable = buffer; // the cleaning action must not refer to this storage
        CLEANER.register(this, () -> owner.releaseLater(unreachable));
    }

    cl_mem memory() {
        return buffer.memory();
    }

    @Override
    protected void free() {
        owner.releaseLater(buffer);
    }
}
