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
    private int version;

    /** The backend that owns this memory and runs operations on it. */
    public abstract Backend backend();

    /** Element type. */
    public abstract DType dtype();

    /** Number of elements. */
    public abstract int size();

    /** How many in-place writes this storage has seen. */
    public final int version() {
        return version;
    }

    /** Records an in-place write; see the class comment. */
    public final void bumpVersion() {
        version++;
    }
}
