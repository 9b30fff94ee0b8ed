package dev.masquerade.engine.array;

import java.util.Arrays;

/**
 * Arithmetic on shapes and strides: element counts, row-major strides, NumPy broadcasting and
 * axis normalisation. Every method names the calling operation in its errors.
 */
public final class Shape {
    private Shape() {
    }

    /** Number of elements of a shape (1 for a scalar, rank 0). */
    public static int numel(int[] shape) {
        long n = 1;
        for (int size : shape) {
            n *= size;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has " + n + " elements, more than a tensor can hold (2^31 - 1)");
        }
        return (int) n;
    }

    /** Row-major (C order) strides: the last axis varies fastest. */
    public static int[] contiguousStrides(int[] shape) {
        // BEGIN SOLUTION task-0.1: row-major strides: the last axis steps by 1, each axis by the product of the sizes after it (see tutorials/02-broadcasting.md)
        int[] strides = new int[shape.length];
        int stride = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= shape[i];
        }
        return strides;
        // END SOLUTION
    }

    /**
     * The broadcast shape of two shapes under NumPy's rules: align at the right; each pair of
     * sizes must be equal or one of them 1.
     *
     * @throws IllegalArgumentException {@code op: cannot broadcast [2, 3] with [4]: ...}
     */
    public static int[] broadcast(String op, int[] a, int[] b) {
        // BEGIN SOLUTION task-0.6: NumPy's broadcast shape: align the shapes at the right, missing axes count as 1, sizes must match or one be 1, else an IllegalArgumentException whose message begins 'op: cannot broadcast [2, 3] with [4]' (see tutorials/02-broadcasting.md)
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int sa = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int sb = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (sa != sb && sa != 1 && sb != 1) {
                throw new IllegalArgumentException(op + ": cannot broadcast " + Arrays.toString(a) + " with " + Arrays.toString(b)
                        + ": sizes " + sa + " and " + sb + " differ at axis " + i + " of the result and neither is 1");
            }
            out[i] = Math.max(sa, sb);
        }
        return out;
        // END SOLUTION
    }

    /** Turns a possibly negative axis (-1 = last) into an index in [0, rank). */
    public static int normalizeAxis(String op, int axis, int rank) {
        int normalized = axis < 0 ? axis + rank : axis;
        if (normalized < 0 || normalized >= Math.max(rank, 1) || (rank == 0 && normalized != 0)) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of range for a tensor of rank " + rank);
        }
        return normalized;
    }

    /** Normalises and sorts axes, rejecting repeats; an empty array means every axis. */
    public static int[] normalizeAxes(String op, int[] axes, int rank) {
        if (axes.length == 0) {
            int[] all = new int[rank];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int[] out = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            out[i] = normalizeAxis(op, axes[i], rank);
        }
        Arrays.sort(out);
        for (int i = 1; i < out.length; i++) {
            if (out[i] == out[i - 1]) {
                throw new IllegalArgumentException(op + ": axis " + out[i] + " is named twice in " + Arrays.toString(axes));
            }
        }
        return out;
    }

    /** The shape with the given (sorted) axes set to 1, or removed when keepDim is false. */
    public static int[] reduced(int[] shape, int[] sortedAxes, boolean keepDim) {
        int[] kept = shape.clone();
        for (int axis : sortedAxes) {
            kept[axis] = 1;
        }
        if (keepDim) {
            return kept;
        }
        int[] out = new int[shape.length - sortedAxes.length];
        for (int i = 0, j = 0, k = 0; i < shape.length; i++) {
            if (k < sortedAxes.length && sortedAxes[k] == i) {
                k++;
            } else {
                out[j++] = shape[i];
            }
        }
        return out;
    }

    /** Checks that every size is positive. */
    public static int[] validate(String op, int[] shape) {
        for (int size : shape) {
            if (size < 1) {
                throw new IllegalArgumentException(op + ": shape " + Arrays.toString(shape) + " has a size below 1; every axis needs at least one element");
            }
        }
        return shape.clone();
    }

    /** {@code [2, 3]} style text for messages. */
    public static String str(int[] shape) {
        return Arrays.toString(shape);
    }
}
