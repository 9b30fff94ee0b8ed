package dev.masquerade.engine.backend;

import dev.masquerade.engine.DType;
import dev.masquerade.engine.Memory;

/**
 * A flat block of elements owned by one backend: a Java array on the CPU, a {@code cl_mem}
 * on an OpenCL device. Tensors are views (shape, strides, offset) onto a storage; several
 * views may share one.
 *
 * <p>The version counter counts in-place writes. Autograd records it when an operation saves a
 * tensor for its backward pass and refuses to differentiate through a tensor written since.
 *
 * <p>Each storage is owned by the {@link Memory} scope open when it was made; closing that
 * scope {@link #release releases} it unless it was kept or made persistent.
 */
public abstract class Storage {
    private final Backend backend;
    private final DType dtype;
    private final int size;
    private int version;
    private boolean released;
    private boolean persistent;

    protected Storage(Backend backend, DType dtype, int size) {
        this.backend = backend;
        this.dtype = dtype;
        this.size = size;
        Memory.adopt(this);
    }

    /** Gives the memory back to the device now, unless it is persistent; using it afterwards fails. */
    public final void release() {
        if (!released && !persistent) {
            released = true;
            free();
        }
    }

    /** What a backend does to give the memory back (nothing on the CPU, where the collector reclaims arrays). */
    protected void free() {
    }

    /** Exempts this memory from {@link #release}; see {@link Memory#persist}. */
    public final void persist() {
        persistent = true;
    }

    /** Whether {@link #release} gave the memory back. */
    public final boolean isReleased() {
        return released;
    }

    /** The backend that owns this memory and runs operations on it. */
    public final Backend backend() {
        return backend;
    }

    /** Element type. */
    public final DType dtype() {
        return dtype;
    }

    /** Number of elements. */
    public final int size() {
        return size;
    }

    /** How many in-place writes this storage has seen. */
    public final int version() {
        return version;
    }

    /** Records an in-place write; see the class comment. */
    public final void bumpVersion() {
        version++;
    }
}
