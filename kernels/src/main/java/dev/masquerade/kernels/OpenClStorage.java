package dev.masquerade.kernels;

import dev.masquerade.engine.DType;
import dev.masquerade.engine.backend.Storage;
import java.lang.ref.Cleaner;
import org.jocl.cl_mem;

/**
 * Device memory: one {@code cl_mem} buffer. For now a {@link Cleaner} notices when the storage
 * becomes unreachable and hands the buffer back to its backend, which releases it on its own
 * terms (see {@link OpenClBackend#releaseLater}); deterministic scopes arrive with the rest of
 * the OpenCL backend.
 */
final class OpenClStorage extends Storage {
    private static final Cleaner CLEANER = Cleaner.create();
    private final cl_mem memory;

    OpenClStorage(OpenClBackend backend, DType dtype, int size, cl_mem memory) {
        super(backend, dtype, size);
        this.memory = memory;
        CLEANER.register(this, () -> backend.releaseLater(memory));
    }

    cl_mem memory() {
        return memory;
    }
}
