package dev.masquerade.engine.array;

/**
 * A flat block of elements owned by one backend: a Java array on the CPU, a {@code cl_mem}
 * on an OpenCL device. {@link StridedArray}s are views (shape, strides, offset) onto a storage;
 * several views may share one.
 *
 * <p>The version counter counts in-place writes. Autograd records it when an operation saves a
 * tensor for its backward pass and refuses to differentiate through a tensor written since.
 *
 * <p>Each storage is owned by the {@link Memory} scope open when it was made; closing that
 * scope {@link #release releases} it unless it was kept or made persistent.
 */
public abstract class Storage {
    private final Device device;
    private final DType dtype;
    private final int size;
    private int version;
    private boolean released;
    private boolean persistent;

    protected Storage(Device device, DType dtype, int size) {
        this.device = device;
        this.dtype = dtype;
        this.size = size;
        Ownership.adopt(this);
    }

    /** Gives the memory back to the device now, unless it is persistent; using it afterwards fails. */
    public final void release() {
        if (!released && !persistent) {
            released = true;
            free();
        }
    }

    /** What a backend does to give the memory back (the CPU keeps the array for the next storage of its size). */
    protected void free() {
    }

    /** Exempts this memory from {@link #release}: parameters, optimizer state, module buffers. */
    public final void persist() {
        persistent = true;
    }

    /** Whether {@link #release} gave the memory back. */
    public final boolean isReleased() {
        return released;
    }

    /** The device this memory lives on; its backend runs the operations on it. */
    public final Device device() {
        return device;
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
