package dev.masquerade.engine.backend;

import dev.masquerade.engine.DType;

/**
 * A flat block of elements owned by one backend: a Java array on the CPU, a {@code cl_mem}
 * on an OpenCL device. Tensors are views (shape, strides, offset) onto a storage; several
 * views may share one.
 *
 * <p>The version counter counts in-place writes. Autograd records it when an operation saves a
 * tensor for its backward pass and refuses to differentiate through a tensor written since.
 */
public abstract class Storage {
    private final Backend backend;
    private final DType dtype;
    private final int size;
    private int version;

    protected Storage(Backend backend, DType dtype, int size) {
        this.backend = backend;
        this.dtype = dtype;
        this.size = size;
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
