package dev.masquerade.engine.array;

/**
 * Several arrays of one shape, to be walked together element by element, with their axes
 * <em>merged</em>: size-1 axes are dropped and neighbouring axes that every operand steps
 * through evenly become one, so a contiguous array is one long row and a transposed one keeps
 * just the axes it needs. Fewer axes means fewer index divisions per element (OpenCL) and
 * longer inner loops (the CPU); both backends walk the layout this makes.
 *
 * @param dims    the merged sizes, at least one axis (a single element is {@code [1]})
 * @param strides {@code strides[k][d]}: operand k's step along merged axis d
 * @param offsets each operand's position of element [0, ..., 0]
 */
public record Layout(int[] dims, int[][] strides, int[] offsets) {

    /** The merged layout of {@code operands}, which all have {@code shape} (broadcast views allowed). */
    public static Layout merge(int[] shape, StridedArray... operands) {
        int[][] given = new int[operands.length][];
        int[] offsets = new int[operands.length];
        for (int k = 0; k < operands.length; k++) {
            given[k] = operands[k].strides();
            offsets[k] = operands[k].offset();
        }
        int[] dims = new int[Math.max(shape.length, 1)];
        int[][] strides = new int[operands.length][dims.length];
        int rank = 0;
        for (int axis = 0; axis < shape.length; axis++) {
            if (shape[axis] == 1) {
                continue; // its index is always 0
            }
            boolean continuesPrevious = rank > 0;
            for (int k = 0; k < operands.length && continuesPrevious; k++) {
                continuesPrevious = strides[k][rank - 1] == given[k][axis] * shape[axis];
            }
            if (continuesPrevious) {
                dims[rank - 1] *= shape[axis];
            } else {
                dims[rank++] = shape[axis];
            }
            for (int k = 0; k < operands.length; k++) {
                strides[k][rank - 1] = given[k][axis];
            }
        }
        if (rank == 0) {
            dims[0] = 1;
            rank = 1;
        }
        int[][] trimmed = new int[operands.length][];
        for (int k = 0; k < operands.length; k++) {
            trimmed[k] = java.util.Arrays.copyOf(strides[k], rank);
        }
        return new Layout(java.util.Arrays.copyOf(dims, rank), trimmed, offsets);
    }

    /** Number of merged axes (at least 1). */
    public int rank() {
        return dims.length;
    }

    /** Size of the last merged axis: the longest run the operands walk with fixed steps. */
    public int rowLength() {
        return dims[dims.length - 1];
    }
}
