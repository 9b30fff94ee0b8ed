package dev.masquerade.engine.cpu;

import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.array.Layout;
import dev.masquerade.engine.array.Storage;
import dev.masquerade.engine.array.StridedArray;
import dev.masquerade.engine.backend.AdamStep;
import dev.masquerade.engine.backend.Backend;
import dev.masquerade.engine.backend.BinaryOp;
import dev.masquerade.engine.backend.Conv2dGeometry;
import dev.masquerade.engine.backend.FusedAdam;
import dev.masquerade.engine.backend.Pool2dGeometry;
import dev.masquerade.engine.backend.ReduceOp;
import dev.masquerade.engine.backend.UnaryOp;

/**
 * The reference backend: every primitive as plain Java loops in double precision, whatever
 * the element type. Element-wise work walks the operands with {@link StridedLoop} and runs
 * {@link ElementKernels}; products and convolutions read their operands into contiguous double
 * arrays and run the textbook {@link Gemm} (with {@link Im2col} for convolutions).
 *
 * <p>It is the oracle: {@link FastCpuBackend} and the OpenCL backend are tested against it. It
 * also runs float64 (the gradient checks) and every machine without the Vector API.
 */
public class ReferenceCpuBackend implements Backend, FusedAdam {

    ReferenceCpuBackend() {
    }

    @Override
    public Device device() {
        return Device.CPU;
    }

    @Override
    public Storage allocate(DType dtype, int size) {
        return new CpuStorage(dtype, size);
    }

    @Override
    public Storage upload(double[] values, DType dtype) {
        CpuStorage storage = new CpuStorage(dtype, values.length);
        storage.store(values, 0, values.length, 0, 1);
        return storage;
    }

    @Override
    public double[] download(StridedArray array) {
        return StridedLoop.read(array);
    }

    @Override
    public void unary(UnaryOp op, StridedArray x, StridedArray out, double... params) {
        StridedLoop.run(out.shape(), new StridedArray[] {out, x}, 2, c -> unaryChunk(op, params, x, out, c));
    }

    /** One chunk of {@link #unary}: x is operand 1, out operand 0. */
    static void unaryChunk(UnaryOp op, double[] params, StridedArray x, StridedArray out, StridedLoop.Cursor c) {
        ElementKernels.unary(op, params, c.load(x, 1), c.scratch(0), c.length);
        c.store(out, 0, 0);
    }

    @Override
    public void binary(BinaryOp op, StridedArray a, StridedArray b, StridedArray out) {
        StridedLoop.run(out.shape(), new StridedArray[] {out, a, b}, 3, c -> binaryChunk(op, a, b, out, c));
    }

    /** One chunk of {@link #binary}: a and b are operands 1 and 2, out operand 0. */
    static void binaryChunk(BinaryOp op, StridedArray a, StridedArray b, StridedArray out, StridedLoop.Cursor c) {
        ElementKernels.binary(op, c.load(a, 1), c.load(b, 2), c.scratch(0), c.length);
        c.store(out, 0, 0);
    }

    @Override
    public void where(StridedArray condition, StridedArray a, StridedArray b, StridedArray out) {
        StridedLoop.run(out.shape(), new StridedArray[] {out, condition, a, b}, 4, c -> {
            double[] cond = c.load(condition, 1);
            double[] av = c.load(a, 2);
            double[] bv = c.load(b, 3);
            double[] result = c.scratch(0);
            for (int i = 0; i < c.length; i++) {
                result[i] = cond[i] != 0 ? av[i] : bv[i];
            }
            c.store(out, 0, 0);
        });
    }

    @Override
    public void copy(StridedArray src, StridedArray dst) {
        int inner = alongSourceRows(src, dst);
        if (inner >= 0) { // the same element pairs, visited in another order
            src = moveAxisLast(src, inner);
            dst = moveAxisLast(dst, inner);
        }
        copyInOrder(src, dst);
    }

    /**
     * A copy may visit its elements in any order. When dst's last axis is short (pixelShuffle's
     * permuted view ends in an axis of 2) but src has a longer axis of unit stride, walking along
     * that axis gives long rows instead of a loop step every 2 elements. Returns that axis, or −1.
     */
    private static int alongSourceRows(StridedArray src, StridedArray dst) {
        int last = dst.rank() - 1;
        for (int axis = 0; axis < last; axis++) {
            if (src.strides()[axis] == 1 && src.size(axis) > dst.size(last)) {
                return axis;
            }
        }
        return -1;
    }

    private static StridedArray moveAxisLast(StridedArray t, int axis) {
        int rank = t.rank();
        int[] shape = new int[rank], strides = new int[rank];
        for (int from = 0, to = 0; from < rank; from++) {
            if (from != axis) {
                shape[to] = t.size(from);
                strides[to++] = t.strides()[from];
            }
        }
        shape[rank - 1] = t.size(axis);
        strides[rank - 1] = t.strides()[axis];
        return StridedArray.of(t.storage(), shape, strides, t.offset());
    }

    /** Copies element by element in dst's row-major order (through double, converting types). */
    void copyInOrder(StridedArray src, StridedArray dst) {
        StridedLoop.run(dst.shape(), new StridedArray[] {dst, src}, 2, c -> {
            c.load(src, 1);
            c.store(dst, 0, 1);
        });
    }

    @Override
    public void adamUpdate(StridedArray param, StridedArray grad, StridedArray m, StridedArray v, AdamStep step) {
        StridedLoop.run(param.shape(), new StridedArray[] {param, grad, m, v}, 4, c -> adamChunk(step, param, grad, m, v, c));
    }

    /** One chunk of {@link #adamUpdate}: param, grad, m and v are operands 0 to 3. */
    static void adamChunk(AdamStep step, StridedArray param, StridedArray grad, StridedArray m, StridedArray v, StridedLoop.Cursor c) {
        double[] p = c.load(param, 0), g = c.load(grad, 1), first = c.load(m, 2), second = c.load(v, 3);
        for (int i = 0; i < c.length; i++) {
            double gi = g[i] + step.l2() * p[i];
            first[i] = step.beta1() * first[i] + (1 - step.beta1()) * gi;
            second[i] = step.beta2() * second[i] + (1 - step.beta2()) * gi * gi;
            p[i] = step.decay() * p[i] - step.stepSize() * first[i] / (Math.sqrt(second[i]) * step.vScale() + step.epsilon());
        }
        c.store(param, 0, 0);
        c.store(m, 2, 2);
        c.store(v, 3, 3);
    }

    @Override
    public void fill(StridedArray dst, double value) {
        StridedLoop.run(dst.shape(), new StridedArray[] {dst}, 1, c -> {
            java.util.Arrays.fill(c.scratch(0), 0, c.length, value);
            c.store(dst, 0, 0);
        });
    }

    /**
     * Each output element reduces a block of x: the elements that share its kept indices. The
     * kept axes are split among threads; each block is streamed through x's strides in chunks,
     * in order on one thread (so sums do not depend on the thread count), without copying x.
     */
    @Override
    public void reduce(ReduceOp op, StridedArray x, int[] axes, StridedArray out) {
        int rank = x.rank();
        int[] shape = x.shape();
        int[] strides = x.strides();
        boolean[] reducedAxis = new boolean[rank];
        for (int axis : axes) {
            reducedAxis[axis] = true;
        }
        int[] blockShape = new int[axes.length];
        int[] blockStrides = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            blockShape[i] = shape[axes[i]];
            blockStrides[i] = strides[axes[i]];
        }
        int outer = out.numel();
        int inner = x.numel() / outer;
        double[] result = new double[outer];
        // Every output reduces a block of the same shape and strides, at its own offset: the
        // block's merged layout is worked out once, not once per output (for thousands of
        // outputs of a few elements each, that bookkeeping had cost more than the sums).
        Layout block = Layout.merge(blockShape, StridedArray.of(x.storage(), blockShape, blockStrides, 0));
        CpuStorage storage = (CpuStorage) x.storage();
        if (inner == 0) { // empty blocks: every output is the fold of nothing
            java.util.Arrays.fill(result, op == ReduceOp.SUM ? 0 : Double.NEGATIVE_INFINITY);
            StridedLoop.write(result, out);
            return;
        }
        CpuThreads.parallelFor(outer, inner, (from, to) -> {
            double[] values = new double[Math.min(block.rowLength(), StridedLoop.CHUNK)];
            for (int o = from; o < to; o++) {
                int offset = x.offset();
                for (int axis = rank - 1, rest = o; axis >= 0; axis--) { // o indexes the kept axes row-major
                    if (!reducedAxis[axis]) {
                        offset += (rest % shape[axis]) * strides[axis];
                        rest /= shape[axis];
                    }
                }
                result[o] = reduceBlock(op, storage, offset, block, values);
            }
        });
        StridedLoop.write(result, out);
    }

    /** The (non-empty) block at {@code offset}, row-major, folded a row at a time into one accumulator. */
    private double reduceBlock(ReduceOp op, CpuStorage storage, int offset, Layout block, double[] values) {
        int last = block.rank() - 1, rowLength = block.rowLength(), step = block.strides()[0][last];
        int[] dims = block.dims(), strides = block.strides()[0];
        int[] index = new int[last];
        double acc = op == ReduceOp.SUM ? 0 : Double.NEGATIVE_INFINITY;
        for (int rowStart = offset; ; ) {
            acc = foldRow(op, acc, storage, rowStart, step, rowLength, values);
            int d = last - 1; // the next row: an odometer over the outer axes
            for (; d >= 0; d--) {
                rowStart += strides[d];
                if (++index[d] < dims[d]) {
                    break;
                }
                rowStart -= strides[d] * dims[d];
                index[d] = 0;
            }
            if (d < 0) {
                return acc;
            }
        }
    }

    /** acc folded with the {@code n} elements from {@code start}, {@code step} apart, a chunk at a time through the double buffer {@code values}. */
    private double foldRow(ReduceOp op, double acc, CpuStorage storage, int start, int step, int n, double[] values) {
        for (int done = 0; done < n; done += values.length) {
            int chunk = Math.min(values.length, n - done);
            storage.load(start + done * step, step, chunk, values, 0);
            acc = fold(op, storage.dtype(), acc, values, chunk);
        }
        return acc;
    }

    /** acc folded with {@code values[0..n)}, which came from storage of {@code dtype}; the fast backend folds float32 in vector lanes. */
    double fold(ReduceOp op, DType dtype, double acc, double[] values, int n) {
        return ElementKernels.reduce(op, acc, values, n);
    }

    @Override
    public void matmul(StridedArray a, boolean transposeA, StridedArray b, boolean transposeB, StridedArray out) {
        int batches = out.size(0);
        int m = out.size(1);
        int n = out.size(2);
        int k = transposeA ? a.size(1) : a.size(2);
        double[] result = new double[batches * m * n];
        double[] packedA = null;
        double[] packedB = null;
        for (int batch = 0; batch < batches; batch++) {
            if (packedA == null || a.strides()[0] != 0) {
                packedA = StridedLoop.read(matrix(a, batch, transposeA));
            }
            if (packedB == null || b.strides()[0] != 0) {
                packedB = StridedLoop.read(matrix(b, batch, transposeB));
            }
            Gemm.multiply(packedA, 0, packedB, 0, result, batch * m * n, m, n, k, false);
        }
        StridedLoop.write(result, out);
    }

    /** Matrix {@code batch} of a rank-3 tensor as a rank-2 view, transposed by swapping strides. */
    private static StridedArray matrix(StridedArray t, int batch, boolean transpose) {
        int[] s = t.strides();
        int rows = t.size(1);
        int cols = t.size(2);
        int offset = t.offset() + batch * s[0];
        return transpose
                ? StridedArray.of(t.storage(), new int[] {cols, rows}, new int[] {s[2], s[1]}, offset)
                : StridedArray.of(t.storage(), new int[] {rows, cols}, new int[] {s[1], s[2]}, offset);
    }

    private static Im2col im2col(StridedArray x, StridedArray weight, Conv2dGeometry g) {
        return new Im2col(x.size(1), x.size(2), x.size(3), weight.size(2), weight.size(3), g);
    }

    @Override
    public void conv2d(StridedArray x, StridedArray weight, StridedArray out, Conv2dGeometry g) {
        Im2col geometry = im2col(x, weight, g);
        double[] image = StridedLoop.read(x);
        double[] w = StridedLoop.read(weight);
        int batch = x.size(0);
        int filters = weight.size(0);
        int imageSize = x.numel() / batch;
        double[] result = new double[out.numel()];
        CpuThreads.parallelFor(batch, (long) filters * geometry.rows() * geometry.cols(), (from, to) -> {
            double[] cols = new double[geometry.rows() * geometry.cols()];
            for (int i = from; i < to; i++) {
                geometry.im2col(image, i * imageSize, cols);
                Gemm.multiply(w, 0, cols, 0, result, i * filters * geometry.cols(), filters, geometry.cols(), geometry.rows(), false);
            }
        });
        StridedLoop.write(result, out);
    }

    @Override
    public void conv2dBackwardInput(StridedArray gradOutput, StridedArray weight, StridedArray gradInput, Conv2dGeometry g) {
        Im2col geometry = im2col(gradInput, weight, g);
        double[] gy = StridedLoop.read(gradOutput);
        int filters = weight.size(0);
        double[] wT = Gemm.transpose(StridedLoop.read(weight), 0, filters, geometry.rows());
        int batch = gradInput.size(0);
        int imageSize = gradInput.numel() / batch;
        double[] result = new double[gradInput.numel()];
        CpuThreads.parallelFor(batch, (long) filters * geometry.rows() * geometry.cols(), (from, to) -> {
            double[] cols = new double[geometry.rows() * geometry.cols()];
            for (int i = from; i < to; i++) {
                Gemm.multiply(wT, 0, gy, i * filters * geometry.cols(), cols, 0, geometry.rows(), geometry.cols(), filters, false);
                geometry.col2im(cols, result, i * imageSize);
            }
        });
        StridedLoop.write(result, gradInput);
    }

    @Override
    public void conv2dBackwardWeight(StridedArray x, StridedArray gradOutput, StridedArray gradWeight, Conv2dGeometry g) {
        Im2col geometry = im2col(x, gradWeight, g);
        double[] image = StridedLoop.read(x);
        double[] gy = StridedLoop.read(gradOutput);
        int batch = x.size(0);
        int filters = gradWeight.size(0);
        int imageSize = x.numel() / batch;
        double[] result = new double[gradWeight.numel()];
        CpuThreads.parallelFor(batch, (long) filters * geometry.rows() * geometry.cols(), (from, to) -> {
            double[] cols = new double[geometry.rows() * geometry.cols()];
            double[] partial = new double[result.length];
            for (int i = from; i < to; i++) {
                geometry.im2col(image, i * imageSize, cols);
                double[] colsT = Gemm.transpose(cols, 0, geometry.rows(), geometry.cols());
                Gemm.multiply(gy, i * filters * geometry.cols(), colsT, 0, partial, 0, filters, geometry.rows(), geometry.cols(), true);
            }
            synchronized (result) {
                for (int j = 0; j < result.length; j++) {
                    result[j] += partial[j];
                }
            }
        });
        StridedLoop.write(result, gradWeight);
    }

    @Override
    public void depthwiseConv2d(StridedArray x, StridedArray weight, StridedArray out, Conv2dGeometry g) {
        DepthwiseKernels kernels = new DepthwiseKernels(x.shape(), weight.shape(), g);
        StridedLoop.write(kernels.forward(StridedLoop.read(x), StridedLoop.read(weight)), out);
    }

    @Override
    public void depthwiseConv2dBackwardInput(StridedArray gradOutput, StridedArray weight, StridedArray gradInput, Conv2dGeometry g) {
        DepthwiseKernels kernels = new DepthwiseKernels(gradInput.shape(), weight.shape(), g);
        StridedLoop.write(kernels.backwardInput(StridedLoop.read(gradOutput), StridedLoop.read(weight)), gradInput);
    }

    @Override
    public void depthwiseConv2dBackwardWeight(StridedArray x, StridedArray gradOutput, StridedArray gradWeight, Conv2dGeometry g) {
        DepthwiseKernels kernels = new DepthwiseKernels(x.shape(), gradWeight.shape(), g);
        StridedLoop.write(kernels.backwardWeight(StridedLoop.read(x), StridedLoop.read(gradOutput)), gradWeight);
    }

    @Override
    public void maxPool2d(StridedArray x, StridedArray out, StridedArray indices, Pool2dGeometry g) {
        CpuIndexing.maxPool2d(x, out, indices, g);
    }

    @Override
    public void maxPool2dBackward(StridedArray gradOutput, StridedArray indices, StridedArray gradInput) {
        CpuIndexing.maxPool2dBackward(gradOutput, indices, gradInput);
    }

    @Override
    public void gather(StridedArray x, int axis, StridedArray index, StridedArray out) {
        CpuIndexing.gather(x, axis, index, out);
    }

    @Override
    public void scatterAdd(StridedArray src, int axis, StridedArray index, StridedArray out) {
        CpuIndexing.scatterAdd(src, axis, index, out);
    }

    @Override
    public void gridSample(StridedArray x, StridedArray grid, StridedArray out) {
        CpuSampling.gridSample(x, grid, out);
    }

    @Override
    public void gridSampleBackward(StridedArray gradOutput, StridedArray x, StridedArray grid, StridedArray gradInput,
            StridedArray gradGrid) {
        CpuSampling.gridSampleBackward(gradOutput, x, grid, gradInput, gradGrid);
    }
}
