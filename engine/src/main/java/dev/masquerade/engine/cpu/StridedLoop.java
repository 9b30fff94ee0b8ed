package dev.masquerade.engine.cpu;

import dev.masquerade.engine.Tensor;

/**
 * Walks several same-shape strided tensors together, in row-major order, a chunk of at most
 * {@value #CHUNK} elements at a time. Element-wise kernels, copies and fills are built on it.
 *
 * <p>First the axes are <em>coalesced</em>: size-1 axes are dropped and neighbouring axes that
 * every operand steps through evenly are merged, so a contiguous tensor becomes one long row.
 * The rows are then cut into chunks and the chunks shared among threads. The body runs once
 * per chunk (not per element) and loops over the chunk itself.
 */
final class StridedLoop {
    static final int CHUNK = 1024;

    private StridedLoop() {
    }

    /** Where one chunk starts in each operand, how its elements are spaced, and scratch space. */
    static final class Cursor {
        final int[] offset;
        final int[] stride;
        final double[][] scratch;
        int length;
        /** Row-major index of the chunk's first element. */
        int linear;

        Cursor(int operands, int scratchBuffers, int bufferSize) {
            offset = new int[operands];
            stride = new int[operands];
            scratch = new double[scratchBuffers][bufferSize];
        }

        private float[] run;

        /** A run of {@code length} copies of value, in a buffer this cursor reuses. */
        float[] floatRun(float value) {
            if (run == null) {
                run = new float[scratch.length == 0 ? CHUNK : Math.max(CHUNK, scratch[0].length)];
            }
            java.util.Arrays.fill(run, 0, length, value);
            return run;
        }

        CpuStorage storage(Tensor t) {
            return (CpuStorage) t.storage();
        }

        /** Loads operand i's chunk into scratch buffer i. */
        double[] load(Tensor t, int i) {
            storage(t).load(offset[i], stride[i], length, scratch[i], 0);
            return scratch[i];
        }

        /** Stores scratch buffer {@code buffer} into operand i's chunk. */
        void store(Tensor t, int i, int buffer) {
            storage(t).store(scratch[buffer], 0, length, offset[i], stride[i]);
        }
    }

    @FunctionalInterface
    interface Body {
        void chunk(Cursor cursor);
    }

    /** Runs body over every chunk of the operands, which all have {@code shape} (broadcast views allowed). */
    static void run(int[] shape, Tensor[] operands, int scratchBuffers, Body body) {
        walk(shape, operands, scratchBuffers, body, true);
    }

    /** Like {@link #run}, but every chunk on the calling thread, in order: for bodies that accumulate. */
    static void runInOrder(int[] shape, Tensor[] operands, int scratchBuffers, Body body) {
        walk(shape, operands, scratchBuffers, body, false);
    }

    private static void walk(int[] shape, Tensor[] operands, int scratchBuffers, Body body, boolean parallel) {
        int rank = shape.length;
        int[] dims = new int[Math.max(rank, 1)];
        int[][] strides = new int[operands.length][dims.length];
        int kept = coalesce(shape, operands, dims, strides);
        int rowLength = dims[kept - 1];
        int rows = 1;
        for (int d = 0; d < kept - 1; d++) {
            rows *= dims[d];
        }
        int chunksPerRow = (rowLength + CHUNK - 1) / CHUNK;
        int bufferSize = Math.min(rowLength, CHUNK);
        int items = rows * chunksPerRow;
        CpuThreads.Range chunks = (from, to) -> {
            Cursor cursor = new Cursor(operands.length, scratchBuffers, bufferSize);
            // An odometer over the outer axes: moving to the next row is a few additions, which
            // matters when rows are short (a permuted view whose last axis has 2 elements).
            int[] index = new int[kept];
            int[] rowStart = new int[operands.length];
            int row = -1;
            for (int item = from; item < to; item++) {
                int itemRow = item / chunksPerRow;
                if (itemRow == row + 1 && row >= 0) {
                    nextRow(index, rowStart, dims, strides, kept);
                } else if (itemRow != row) {
                    firstRow(itemRow, index, rowStart, operands, dims, strides, kept);
                }
                row = itemRow;
                int start = (item % chunksPerRow) * CHUNK;
                for (int k = 0; k < operands.length; k++) {
                    cursor.offset[k] = rowStart[k] + start * strides[k][kept - 1];
                    cursor.stride[k] = strides[k][kept - 1];
                }
                cursor.length = Math.min(CHUNK, rowLength - start);
                cursor.linear = row * rowLength + start;
                body.chunk(cursor);
            }
        };
        if (parallel) {
            CpuThreads.parallelFor(items, bufferSize, chunks);
        } else {
            chunks.run(0, items);
        }
    }

    /** Sets the odometer and each operand's offset to the start of {@code row}. */
    private static void firstRow(int row, int[] index, int[] rowStart, Tensor[] operands, int[] dims, int[][] strides, int kept) {
        int rest = row;
        for (int d = kept - 2; d >= 0; d--) {
            index[d] = rest % dims[d];
            rest /= dims[d];
        }
        for (int k = 0; k < operands.length; k++) {
            int off = operands[k].offset();
            for (int d = 0; d < kept - 1; d++) {
                off += index[d] * strides[k][d];
            }
            rowStart[k] = off;
        }
    }

    /** Advances the odometer and the offsets by one row. */
    private static void nextRow(int[] index, int[] rowStart, int[] dims, int[][] strides, int kept) {
        for (int d = kept - 2; d >= 0; d--) {
            index[d]++;
            for (int k = 0; k < rowStart.length; k++) {
                rowStart[k] += strides[k][d];
            }
            if (index[d] < dims[d]) {
                return;
            }
            for (int k = 0; k < rowStart.length; k++) {
                rowStart[k] -= strides[k][d] * dims[d];
            }
            index[d] = 0;
        }
    }

    /** Fills dims/strides with the coalesced layout and returns its rank (at least 1). */
    private static int coalesce(int[] shape, Tensor[] operands, int[] dims, int[][] strides) {
        int kept = 0;
        for (int axis = 0; axis < shape.length; axis++) {
            if (shape[axis] == 1) {
                continue;
            }
            boolean mergeable = kept > 0;
            for (int k = 0; k < operands.length && mergeable; k++) {
                mergeable = strides[k][kept - 1] == operands[k].strides()[axis] * shape[axis];
            }
            if (mergeable) {
                dims[kept - 1] *= shape[axis];
                for (int k = 0; k < operands.length; k++) {
                    strides[k][kept - 1] = operands[k].strides()[axis];
                }
            } else {
                dims[kept] = shape[axis];
                for (int k = 0; k < operands.length; k++) {
                    strides[k][kept] = operands[k].strides()[axis];
                }
                kept++;
            }
        }
        if (kept == 0) {
            dims[0] = 1;
            kept = 1;
        }
        return kept;
    }
}
