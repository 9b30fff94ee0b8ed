package dev.masquerade.engine.array;

/**
 * Element types a tensor can hold.
 *
 * <p>{@link #F32} is the default everywhere ({@link #DEFAULT}): every factory that is not told a
 * type makes float32, as PyTorch's do. {@link #F64} exists so that gradient checks by
 * finite differences can be tight (the CPU backend supports it; an OpenCL device only when it
 * reports {@code cl_khr_fp64}). {@link #I32} holds indices and labels: it never requires a gradient.
 */
public enum DType {
    F32(4), F64(8), I32(4);

    /** The type of every tensor made without naming one. */
    public static final DType DEFAULT = F32;

    private final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    /** Size of one element in bytes. */
    public int bytes() {
        return bytes;
    }

    /** Whether values of this type can carry gradients. */
    public boolean isFloatingPoint() {
        return this != I32;
    }
}
