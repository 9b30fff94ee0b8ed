package dev.masquerade.engine.cpu;

import dev.masquerade.engine.array.Layout;
import dev.masquerade.engine.array.StridedArray;

/**
 * Walks several same-shape strided tensors together, in row-major order, a chunk of at most
 * {@value #CHUNK} elements at a time. Element-wise kernels, copies and fills are built on it.
 *
 * <p>First the axes are merged ({@link Layout#merge}, the same layout the OpenCL kernels
 * walk), so a contiguous tensor becomes one long row. The rows are then cut into chunks and the chunks shared among threads. The body runs once
 * per chunk (not per element) and loops over the chunk itself.
 */
final class StridedLoop {
    static final int CHUNK = 1024;

    private StridedLoop() {
    }

    /**
     * Where one chunk starts in each operand, how its elements are spaced, and scratch space.
     * The scratch buffers are made on first use: the float32 fast paths work on the arrays
     * themselves and never ask, and a step of a small model runs thousands of operations.
     */
    static final class Cursor {
        final int[] offset;
        final int[] stride;
        private final double[][] scratch;
        private final int bufferSize;
        int length;
        /** Row-major index of the chunk's first element. */
        int linear;

        Cursor(int operands, int scratchBuffers, int bufferSize) {
            offset = new int[operands];
            stride = new int[operands];
            scratch = new double[scratchBuffers][];
            this.bufferSize = bufferSize;
        }

        /** Scratch buffer i, of the chunk's size. */
        double[] scratch(int i) {
            if (scratch[i] == null) {
                scratch[i] = new double[bufferSize];
            }
            return scratch[i];
        }

        private float[] run;

        /** A run of {@code length} copies of value, in a buffer this cursor reuses. */
        float[] floatRun(float value) {
            if (run == null) {
                run = new float[Math.max(CHUNK, bufferSize)];
            }
            java.util.Arrays.fill(run, 0, length, value);
            return run;
        }

        CpuStorage storage(StridedArray t) {
            return (CpuStorage) t.storage();
        }

        /** Loads operand i's chunk into scratch buffer i. */
        double[] load(StridedArray t, int i) {
            storage(t).load(offset[i], stride[i], length, scratch(i), 0);
            return scratch(i);
        }

        /** Stores scratch buffer {@code buffer} into operand i's chunk. */
        void store(StridedArray t, int i, int buffer) {
            storage(t).store(scratch(buffer), 0, length, offset[i], stride[i]);
        }
    }

    @FunctionalInterface
    interface Body {
        void chunk(Cursor cursor);
    }

    /** The elements of any view, row-major, in a new array. */
    static double[] read(StridedArray t) {
        double[] out = new double[t.numel()];
        run(t.shape(), new StridedArray[] {t}, 0, c -> c.storage(t).load(c.offset[0], c.stride[0], c.length, out, c.linear));
        return out;
    }

    /** Writes row-major values through the strides of any view. */
    static void write(double[] values, StridedArray t) {
        run(t.shape(), new StridedArray[] {t}, 0, c -> c.storage(t).store(values, c.linear, c.length, c.offset[0], c.stride[0]));
    }

    /** Runs body over every chunk of the operands, which all have {@code shape} (broadcast views allowed). */
    static void run(int[] shape, StridedArray[] operands, int scratchBuffers, Body body) {
        walk(shape, operands, scratchBuffers, body, true);
    }

    /** Like {@link #run}, but every chunk on the calling thread, in order: for bodies that accumulate. */
    static void runInOrder(int[] shape, StridedArray[] operands, int scratchBuffers, Body body) {
        walk(shape, operands, scratchBuffers, body, false);
    }

    private static void walk(int[] shape, StridedArray[] operands, int scratchBuffers, Body body, boolean parallel) {
        Layout layout = Layout.merge(shape, operands);
        int last = layout.rank() - 1;
        int rowLength = layout.rowLength();
        int rows = 1;
        for (int d = 0; d < last; d++) {
            rows *= layout.dims()[d];
        }
        int chunksPerRow = (rowLength + CHUNK - 1) / CHUNK;
        int bufferSize = Math.min(rowLength, CHUNK);
        int items = rows * chunksPerRow;
        CpuThreads.Range chunks = (from, to) -> {
            Cursor cursor = new Cursor(operands.length, scratchBuffers, bufferSize);
            // An odometer over the outer axes: moving to the next row is a few additions, which
            // matters when rows are short (a permuted view whose last axis has 2 elements).
            int[] index = new int[layout.rank()];
            int[] rowStart = new int[operands.length];
            int row = -1;
            for (int item = from; item < to; item++) {
                int itemRow = item / chunksPerRow;
                if (itemRow == row + 1 && row >= 0) {
                    nextRow(index, rowStart, layout);
                } else if (itemRow != row) {
                    firstRow(itemRow, index, rowStart, layout);
                }
                row = itemRow;
                int start = (item % chunksPerRow) * CHUNK;
                for (int k = 0; k < operands.length; k++) {
                    cursor.offset[k] = rowStart[k] + start * layout.strides()[k][last];
                    cursor.stride[k] = layout.strides()[k][last];
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
    private static void firstRow(int row, int[] index, int[] rowStart, Layout layout) {
        int[] dims = layout.dims();
        int rest = row;
        for (int d = dims.length - 2; d >= 0; d--) {
            index[d] = rest % dims[d];
            rest /= dims[d];
        }
        for (int k = 0; k < rowStart.length; k++) {
            int off = layout.offsets()[k];
            for (int d = 0; d < dims.length - 1; d++) {
                off += index[d] * layout.strides()[k][d];
            }
            rowStart[k] = off;
        }
    }

    /** Advances the odometer and the offsets by one row. */
    private static void nextRow(int[] index, int[] rowStart, Layout layout) {
        int[] dims = layout.dims();
        int[][] strides = layout.strides();
        for (int d = dims.length - 2; d >= 0; d--) {
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
}
