package dev.masquerade.kernels;

import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.StridedArray;
import dev.masquerade.engine.backend.ReduceOp;
import java.util.Arrays;

/**
 * Sums and maxima over axes on one OpenCL device (reduce.cl), for {@link OpenClBackend}. Many
 * outputs with short blocks (a softmax's row sums) take one work-item per output. On a GPU, few
 * outputs with long blocks (a loss, batch-norm statistics, a bias gradient) take a work-group
 * per output, and where even that leaves most of the device idle (the sum of two million
 * elements as a single output), each block is cut among several work-groups whose partial
 * results a second reduction adds.
 */
final class OpenClReduction {
    /** Work-items per output of reduce_grouped, and when a GPU uses it: blocks this long, fewer outputs than that. */
    private static final int GROUP = 256;
    private static final int GROUPED_BLOCK = 64;
    private static final int GROUPED_OUTPUTS = 16384;
    /** Work-groups a sliced reduction aims for (several per multiprocessor of a large GPU), and the fewest elements per slice. */
    private static final int GROUPS_WANTED = 1024;
    private static final int SLICE_LEAST = 16 * GROUP;

    private final OpenClBackend backend;
    private final OpenCl.DeviceEntry entry;
    private final Programs programs;

    OpenClReduction(OpenClBackend backend, OpenCl.DeviceEntry entry, Programs programs) {
        this.backend = backend;
        this.entry = entry;
        this.programs = programs;
    }

    /** out (x's shape with the reduced axes kept as size 1) = the sum or maximum of x over {@code axes}, the way that suits the device. */
    void reduce(ReduceOp op, StridedArray x, int[] axes, StridedArray out) {
        int block = 1;
        for (int axis : axes) {
            block *= x.size(axis);
        }
        boolean grouped = !entry.isCpu() && block >= GROUPED_BLOCK && out.numel() < GROUPED_OUTPUTS;
        reduce(grouped, grouped ? slices(out, block) : 1, op, x, axes, out);
    }

    /**
     * Work-groups per output for reduce_grouped: enough for about {@link #GROUPS_WANTED} in all,
     * but none with fewer than {@link #SLICE_LEAST} elements of the block to add up.
     */
    private static int slices(StridedArray out, int block) {
        if (out.rank() >= OpenClBackend.MAX_RANK) {
            return 1; // the partial results take one more axis than the output
        }
        int wanted = (GROUPS_WANTED + out.numel() - 1) / out.numel();
        return Math.max(1, Math.min(wanted, block / SLICE_LEAST));
    }

    /**
     * A reduction by reduce.cl's one work-item per output, or by {@code slices} work-groups per
     * output (tests compare them all).
     */
    void reduce(boolean grouped, int slices, ReduceOp op, StridedArray x, int[] axes, StridedArray out) {
        OpenClBackend.requireFloat("reduce", x, out);
        int[] xStrides = x.strides();
        int[] blockShape = new int[axes.length];
        int[] blockStrides = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            blockShape[i] = x.shape()[axes[i]];
            blockStrides[i] = xStrides[axes[i]];
        }
        // the input's block of each output element, walked through the input's strides along the reduced axes
        int[] block = OpenClBackend.layout(blockShape, StridedArray.of(x.storage(), blockShape, blockStrides, 0));
        int[] outer = OpenClBackend.layout(out.shape(), out, x);
        int n = out.numel();
        if (!grouped) {
            backend.run(programs.kernel("reduce.cl", "reduce"), new long[] {OpenClBackend.roundUp(n)},
                    OpenClBackend.memory(out), OpenClBackend.memory(x), outer, block, op.ordinal());
        } else if (slices == 1) {
            backend.run(programs.kernel("reduce.cl", "reduce_grouped", "-DGROUP=" + GROUP), new long[] {(long) n * GROUP}, new long[] {GROUP},
                    OpenClBackend.memory(out), OpenClBackend.memory(x), outer, block, op.ordinal(), 1);
        } else {
            // each slice's partial result, [outputs..., slices], then the sum (or maximum) over the slices
            int[] partialShape = Arrays.copyOf(out.shape(), out.rank() + 1);
            partialShape[out.rank()] = slices;
            StridedArray partial = StridedArray.contiguous(backend.allocate(DType.F32, n * slices), partialShape);
            backend.run(programs.kernel("reduce.cl", "reduce_grouped", "-DGROUP=" + GROUP), new long[] {(long) n * slices * GROUP},
                    new long[] {GROUP}, OpenClBackend.memory(partial), OpenClBackend.memory(x), outer, block, op.ordinal(), slices);
            int[] targetShape = Arrays.copyOf(out.shape(), out.rank() + 1), targetStrides = Arrays.copyOf(out.strides(), out.rank() + 1);
            targetShape[out.rank()] = 1;
            targetStrides[out.rank()] = 1;
            reduce(op, partial, new int[] {out.rank()}, StridedArray.of(out.storage(), targetShape, targetStrides, out.offset()));
        }
    }
}
