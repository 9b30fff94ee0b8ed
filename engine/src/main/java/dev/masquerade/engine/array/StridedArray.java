package dev.masquerade.engine.array;

/**
 * The data under a tensor, without autograd: a {@link Storage} plus a shape, strides (how many
 * elements to step per axis) and an offset. This is what every backend takes and returns;
 * {@code Tensor} wraps one and adds the graph, as minitorch's {@code TensorData} sits under its
 * {@code Tensor} and needle's {@code NDArray} under its own.
 *
 * <p>Several arrays may view one storage (a transpose, a slice, a broadcast with stride 0).
 * Arrays are immutable; a new view is a new array.
 */
public final class StridedArray {
    private final Storage storage;
    private final int[] shape;
    private final int[] strides;
    private final int offset;

    private StridedArray(Storage storage, int[] shape, int[] strides, int offset) {
        this.storage = storage;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
    }

    /** A row-major view of the start of {@code storage}. */
    public static StridedArray contiguous(Storage storage, int... shape) {
        return of(storage, shape, Shape.contiguousStrides(shape), 0);
    }

    /** A view with explicit shape, strides and offset; checks that every reachable element lies in the storage. */
    public static StridedArray of(Storage storage, int[] shape, int[] strides, int offset) {
        long last = offset;
        long first = offset;
        for (int i = 0; i < shape.length && i < strides.length; i++) {
            long reach = (long) (shape[i] - 1) * strides[i];
            if (reach > 0) {
                last += reach;
            } else {
                first += reach;
            }
        }
        if (shape.length != strides.length || first < 0 || last >= storage.size()) {
            throw new IllegalArgumentException("asStrided: shape " + Shape.str(shape) + " with strides " + Shape.str(strides)
                    + " and offset " + offset + " reaches outside a storage of " + storage.size() + " elements");
        }
        return new StridedArray(storage, shape.clone(), strides.clone(), offset);
    }

    /** The shape (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    /** Size of one axis; negative axes count from the end. */
    public int size(int axis) {
        return shape[Shape.normalizeAxis("size", axis, rank())];
    }

    /** Number of axes. */
    public int rank() {
        return shape.length;
    }

    /** Number of elements. */
    public int numel() {
        return Shape.numel(shape);
    }

    /** Elements to step in storage per unit of each axis (a copy). */
    public int[] strides() {
        return strides.clone();
    }

    /** Position of element [0, ..., 0] in storage. */
    public int offset() {
        return offset;
    }

    /** The memory this view reads; fails once its owner has released it. */
    public Storage storage() {
        if (storage.isReleased()) {
            throw new IllegalStateException("this tensor " + Shape.str(shape) + " was released when the Memory scope that allocated it "
                    + "closed; keep it past the scope with scope.keep(tensor), or create it outside the scope");
        }
        return storage;
    }

    /** Element type. */
    public DType dtype() {
        return storage.dtype();
    }

    /** Where the data lives. */
    public Device device() {
        return storage.device();
    }

    /** Whether the elements lie in storage in row-major order without gaps. */
    public boolean isContiguous() {
        // BEGIN SOLUTION task-0.2: contiguous when, from the last axis back, each stride is the product of the sizes after it; an axis of size 1 is never stepped along, so its stride does not matter (see tutorials/02-broadcasting.md)
        int expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && strides[i] != expected) {
                return false;
            }
            expected *= shape[i];
        }
        return true;
        // END SOLUTION
    }
}
