package dev.masquerade.engine.cpu;

import dev.masquerade.engine.DType;
import dev.masquerade.engine.Device;
import dev.masquerade.engine.Shape;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.backend.AdamStep;
import dev.masquerade.engine.backend.Backend;
import dev.masquerade.engine.backend.BinaryOp;
import dev.masquerade.engine.backend.Conv2dGeometry;
import dev.masquerade.engine.backend.Pool2dGeometry;
import dev.masquerade.engine.backend.ReduceOp;
import dev.masquerade.engine.backend.Storage;
import dev.masquerade.engine.backend.UnaryOp;

/**
 * The pure-Java backend, multi-threaded over outer dimensions. Element-wise work goes through
 * {@link StridedLoop}. Matrix products and convolutions have two paths:
 * <ul>
 *   <li>the <b>reference</b>: read the operands into contiguous double arrays and run the plain
 *       {@link Gemm}; readable, used for float64 and whenever the Vector API is absent;</li>
 *   <li>the <b>fast</b> float32 path: {@link VectorGemm} and {@link FloatConvolution} straight on
 *       the float arrays.</li>
 * </ul>
 */
public final class CpuBackend implements Backend {
    private final boolean vector;

    /**
     * @param vector whether float32 work may use the Vector API kernels ({@link CpuFeatures#VECTOR});
     *               false gives the reference backend that tests compare against
     */
    CpuBackend(boolean vector) {
        this.vector = vector;
    }

    private boolean fast(Tensor t) {
        return vector && t.dtype() == DType.F32;
    }

    /** t itself when it is contiguous, else a contiguous float32 copy. */
    private Tensor contiguousF32(Tensor t) {
        if (t.isContiguous()) {
            return t;
        }
        Tensor copy = Tensor.asStrided(allocate(DType.F32, t.numel()), t.shape(), Shape.contiguousStrides(t.shape()), 0);
        copy(t, copy);
        return copy;
    }

    private static float[] floats(Tensor t) {
        return ((CpuStorage) t.storage()).floats();
    }

    /** Runs a fast kernel that writes a contiguous float32 result, through a copy when out is a strided view. */
    private void intoContiguous(Tensor out, java.util.function.Consumer<Tensor> kernel) {
        Tensor target = out.isContiguous() ? out
                : Tensor.asStrided(allocate(DType.F32, out.numel()), out.shape(), Shape.contiguousStrides(out.shape()), 0);
        kernel.accept(target);
        if (target != out) {
            copy(target, out);
        }
    }

    @Override
    public Device device() {
        return Device.CPU;
    }

    @Override
    public Storage allocate(DType dtype, int size) {
        return new CpuStorage(this, dtype, size);
    }

    @Override
    public Storage upload(double[] values, DType dtype) {
        CpuStorage storage = new CpuStorage(this, dtype, values.length);
        storage.store(values, 0, values.length, 0, 1);
        return storage;
    }

    @Override
    public double[] download(Tensor tensor) {
        return read(tensor);
    }

    /** The elements of any view, row-major, in a new array. */
    static double[] read(Tensor t) {
        double[] out = new double[t.numel()];
        StridedLoop.run(t.shape(), new Tensor[] {t}, 0,
                c -> c.storage(t).load(c.offset[0], c.stride[0], c.length, out, c.linear));
        return out;
    }

    /** Writes row-major values through the strides of any view. */
    static void write(double[] values, Tensor t) {
        StridedLoop.run(t.shape(), new Tensor[] {t}, 0,
                c -> c.storage(t).store(values, c.linear, c.length, c.offset[0], c.stride[0]));
    }

    @Override
    public void unary(UnaryOp op, Tensor x, Tensor out, double... params) {
        boolean floats = fast(out) && x.dtype() == DType.F32 && FloatKernels.supports(op);
        StridedLoop.run(out.shape(), new Tensor[] {out, x}, 2, c -> {
            if (floats && c.stride[0] == 1 && c.stride[1] == 1) {
                FloatKernels.unary(op, params, floats(x), c.offset[1], floats(out), c.offset[0], c.length);
                return;
            }
            ElementKernels.unary(op, params, c.load(x, 1), c.scratch[0], c.length);
            c.store(out, 0, 0);
        });
    }

    /**
     * Float32 runs where out and a are contiguous and b is contiguous or one repeated value
     * take {@link FloatKernels}; everything else the reference kernels.
     */
    @Override
    public void binary(BinaryOp op, Tensor a, Tensor b, Tensor out) {
        boolean floats = fast(out) && a.dtype() == DType.F32 && b.dtype() == DType.F32 && FloatKernels.supports(op);
        StridedLoop.run(out.shape(), new Tensor[] {out, a, b}, 3, c -> {
            if (floats && c.stride[0] == 1 && c.stride[1] == 1 && c.stride[2] <= 1) {
                float[] right = floats(b);
                int at = c.offset[2];
                if (c.stride[2] == 0) { // one value repeated: spread it over a run first
                    right = c.floatRun(right[at]);
                    at = 0;
                }
                FloatKernels.binary(op, floats(a), c.offset[1], right, at, floats(out), c.offset[0], c.length);
                return;
            }
            ElementKernels.binary(op, c.load(a, 1), c.load(b, 2), c.scratch[0], c.length);
            c.store(out, 0, 0);
        });
    }

    @Override
    public void where(Tensor condition, Tensor a, Tensor b, Tensor out) {
        StridedLoop.run(out.shape(), new Tensor[] {out, condition, a, b}, 4, c -> {
            double[] cond = c.load(condition, 1);
            double[] av = c.load(a, 2);
            double[] bv = c.load(b, 3);
            double[] result = c.scratch[0];
            for (int i = 0; i < c.length; i++) {
                result[i] = cond[i] != 0 ? av[i] : bv[i];
            }
            c.store(out, 0, 0);
        });
    }

    @Override
    public void copy(Tensor src, Tensor dst) {
        if (fast(dst) && src.dtype() == DType.F32 && isTransposedMatrix(src, dst)) {
            copyTransposed(src, dst);
            return;
        }
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
    /** Whether dst's rows lie along src's columns: a Linear layer's weight gradient arrives as such a view. */
    private static boolean isTransposedMatrix(Tensor src, Tensor dst) {
        return dst.rank() == 2 && dst.size(0) > 1 && dst.size(1) > 1 && src.strides()[0] == 1 && src.strides()[1] >= dst.size(0)
                && dst.strides()[1] == 1;
    }

    /**
     * Copies a transposed matrix tile by tile. Walking dst's rows would read src down its
     * columns, one cache line per element, each evicted before the next row reuses it; within a
     * {@value #TRANSPOSE_TILE}² tile the lines read for one row serve all the tile's rows.
     */
    private static void copyTransposed(Tensor src, Tensor dst) {
        int rows = dst.size(0), cols = dst.size(1), ldd = dst.strides()[0], lds = src.strides()[1];
        float[] from = floats(src), to = floats(dst);
        int tileRows = (rows + TRANSPOSE_TILE - 1) / TRANSPOSE_TILE;
        CpuThreads.parallelFor(tileRows, (long) TRANSPOSE_TILE * cols, (first, last) -> {
            for (int i0 = first * TRANSPOSE_TILE; i0 < Math.min(rows, last * TRANSPOSE_TILE); i0 += TRANSPOSE_TILE) {
                for (int j0 = 0; j0 < cols; j0 += TRANSPOSE_TILE) {
                    for (int i = i0; i < Math.min(rows, i0 + TRANSPOSE_TILE); i++) {
                        for (int j = j0, d = dst.offset() + i * ldd + j0, s = src.offset() + i + j0 * lds;
                             j < Math.min(cols, j0 + TRANSPOSE_TILE); j++, d++, s += lds) {
                            to[d] = from[s];
                        }
                    }
                }
            }
        });
    }

    private static final int TRANSPOSE_TILE = 32;

    private static int alongSourceRows(Tensor src, Tensor dst) {
        int last = dst.rank() - 1;
        for (int axis = 0; axis < last; axis++) {
            if (src.strides()[axis] == 1 && src.size(axis) > dst.size(last)) {
                return axis;
            }
        }
        return -1;
    }

    private static Tensor moveAxisLast(Tensor t, int axis) {
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
        return Tensor.asStrided(t.storage(), shape, strides, t.offset());
    }

    private void copyInOrder(Tensor src, Tensor dst) {
        boolean floats = fast(dst) && src.dtype() == DType.F32;
        StridedLoop.run(dst.shape(), new Tensor[] {dst, src}, 2, c -> {
            if (floats) { // float to float directly, without a detour through double
                float[] from = floats(src), to = floats(dst);
                for (int i = 0, s = c.offset[1], d = c.offset[0]; i < c.length; i++, s += c.stride[1], d += c.stride[0]) {
                    to[d] = from[s];
                }
                return;
            }
            c.load(src, 1);
            c.store(dst, 0, 1);
        });
    }

    @Override
    public void adamUpdate(Tensor param, Tensor grad, Tensor m, Tensor v, AdamStep step) {
        boolean floats = fast(param) && grad.dtype() == DType.F32 && m.dtype() == DType.F32 && v.dtype() == DType.F32;
        StridedLoop.run(param.shape(), new Tensor[] {param, grad, m, v}, 4, c -> {
            if (floats && c.stride[0] == 1 && c.stride[1] == 1 && c.stride[2] == 1 && c.stride[3] == 1) {
                FloatKernels.adam(step, floats(param), c.offset[0], floats(grad), c.offset[1], floats(m), c.offset[2], floats(v),
                        c.offset[3], c.length);
                return;
            }
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
        });
    }

    @Override
    public void fill(Tensor dst, double value) {
        StridedLoop.run(dst.shape(), new Tensor[] {dst}, 1, c -> {
            java.util.Arrays.fill(c.scratch[0], 0, c.length, value);
            c.store(dst, 0, 0);
        });
    }

    /**
     * Each output element reduces a block of x: the elements that share its kept indices. The
     * kept axes are split among threads; each block is streamed through x's strides in chunks,
     * in order on one thread (so sums do not depend on the thread count), without copying x.
     */
    @Override
    public void reduce(ReduceOp op, Tensor x, int[] axes, Tensor out) {
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
        CpuThreads.parallelFor(outer, inner, (from, to) -> {
            for (int o = from; o < to; o++) {
                int offset = x.offset();
                for (int axis = rank - 1, rest = o; axis >= 0; axis--) { // o indexes the kept axes row-major
                    if (!reducedAxis[axis]) {
                        offset += (rest % shape[axis]) * strides[axis];
                        rest /= shape[axis];
                    }
                }
                Tensor block = Tensor.asStrided(x.storage(), blockShape, blockStrides, offset);
                double[] acc = {op == ReduceOp.SUM ? 0 : Double.NEGATIVE_INFINITY};
                StridedLoop.runInOrder(blockShape, new Tensor[] {block}, 1, c -> acc[0] = ElementKernels.reduce(op, acc[0], c.load(block, 0), c.length));
                result[o] = acc[0];
            }
        });
        write(result, out);
    }

    @Override
    public void matmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB, Tensor out) {
        if (fast(out)) {
            fastMatmul(a, transposeA, b, transposeB, out);
            return;
        }
        int batches = out.size(0);
        int m = out.size(1);
        int n = out.size(2);
        int k = transposeA ? a.size(1) : a.size(2);
        double[] result = new double[batches * m * n];
        double[] packedA = null;
        double[] packedB = null;
        for (int batch = 0; batch < batches; batch++) {
            if (packedA == null || a.strides()[0] != 0) {
                packedA = read(matrix(a, batch, transposeA));
            }
            if (packedB == null || b.strides()[0] != 0) {
                packedB = read(matrix(b, batch, transposeB));
            }
            Gemm.multiply(packedA, 0, packedB, 0, result, batch * m * n, m, n, k, false);
        }
        write(result, out);
    }

    /** The float32 product on {@link VectorGemm}, reading a and b through their strides (transposes included). */
    private void fastMatmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB, Tensor out) {
        int m = out.size(1), n = out.size(2), k = transposeA ? a.size(1) : a.size(2);
        int[] as = a.strides();
        int[] bs = b.strides();
        intoContiguous(out, target -> {
            for (int batch = 0; batch < out.size(0); batch++) {
                VectorGemm.multiply(m, n, k,
                        floats(a), a.offset() + batch * as[0], transposeA ? as[2] : as[1], transposeA ? as[1] : as[2],
                        floats(b), b.offset() + batch * bs[0], transposeB ? bs[2] : bs[1], transposeB ? bs[1] : bs[2],
                        floats(target), target.offset() + batch * m * n, n, false);
            }
        });
    }

    /** Matrix {@code batch} of a rank-3 tensor as a rank-2 view, transposed by swapping strides. */
    private static Tensor matrix(Tensor t, int batch, boolean transpose) {
        int[] s = t.strides();
        int rows = t.size(1);
        int cols = t.size(2);
        int offset = t.offset() + batch * s[0];
        return transpose
                ? Tensor.asStrided(t.storage(), new int[] {cols, rows}, new int[] {s[2], s[1]}, offset)
                : Tensor.asStrided(t.storage(), new int[] {rows, cols}, new int[] {s[1], s[2]}, offset);
    }

    private static Im2col im2col(Tensor x, Tensor weight, Conv2dGeometry g) {
        return new Im2col(x.size(1), x.size(2), x.size(3), weight.size(2), weight.size(3), g);
    }

    private static FloatConvolution floatConvolution(Tensor x, Tensor weight, Conv2dGeometry g) {
        return new FloatConvolution(im2col(x, weight, g), weight.size(0), x.size(0));
    }

    @Override
    public void conv2d(Tensor x, Tensor weight, Tensor out, Conv2dGeometry g) {
        if (fast(out)) {
            Tensor cx = contiguousF32(x), cw = contiguousF32(weight);
            intoContiguous(out, target -> floatConvolution(x, weight, g)
                    .forward(floats(cx), cx.offset(), floats(cw), cw.offset(), floats(target), target.offset()));
            return;
        }
        Im2col geometry = im2col(x, weight, g);
        double[] image = read(x);
        double[] w = read(weight);
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
        write(result, out);
    }

    @Override
    public void conv2dBackwardInput(Tensor gradOutput, Tensor weight, Tensor gradInput, Conv2dGeometry g) {
        if (fast(gradInput)) {
            Tensor gy = contiguousF32(gradOutput), cw = contiguousF32(weight);
            intoContiguous(gradInput, target -> floatConvolution(gradInput, weight, g)
                    .backwardInput(floats(gy), gy.offset(), floats(cw), cw.offset(), floats(target), target.offset()));
            return;
        }
        Im2col geometry = im2col(gradInput, weight, g);
        double[] gy = read(gradOutput);
        int filters = weight.size(0);
        double[] wT = Gemm.transpose(read(weight), 0, filters, geometry.rows());
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
        write(result, gradInput);
    }

    @Override
    public void conv2dBackwardWeight(Tensor x, Tensor gradOutput, Tensor gradWeight, Conv2dGeometry g) {
        if (fast(gradWeight)) {
            Tensor cx = contiguousF32(x), gy = contiguousF32(gradOutput);
            float[] result = floatConvolution(x, gradWeight, g).backwardWeight(floats(cx), cx.offset(), floats(gy), gy.offset());
            intoContiguous(gradWeight, target -> System.arraycopy(result, 0, floats(target), target.offset(), result.length));
            return;
        }
        Im2col geometry = im2col(x, gradWeight, g);
        double[] image = read(x);
        double[] gy = read(gradOutput);
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
        write(result, gradWeight);
    }

    @Override
    public void maxPool2d(Tensor x, Tensor out, Tensor indices, Pool2dGeometry g) {
        int planes = x.size(0) * x.size(1);
        int h = x.size(2), w = x.size(3), oh = out.size(2), ow = out.size(3);
        double[] in = read(x);
        double[] max = new double[out.numel()];
        double[] argmax = new double[out.numel()];
        CpuThreads.parallelFor(planes, (long) oh * ow * g.kernel() * g.kernel(), (from, to) -> {
            for (int p = from; p < to; p++) {
                int plane = p * h * w;
                for (int oy = 0; oy < oh; oy++) {
                    // the window clamped to the image: padding never wins a maximum
                    int y0 = Math.max(oy * g.stride() - g.padding(), 0);
                    int y1 = Math.min(oy * g.stride() - g.padding() + g.kernel(), h);
                    for (int ox = 0; ox < ow; ox++) {
                        int x0 = Math.max(ox * g.stride() - g.padding(), 0);
                        int x1 = Math.min(ox * g.stride() - g.padding() + g.kernel(), w);
                        int bestAt = y0 * w + x0;
                        double best = in[plane + bestAt];
                        for (int iy = y0; iy < y1; iy++) {
                            for (int ix = x0; ix < x1; ix++) {
                                int at = iy * w + ix;
                                double v = in[plane + at];
                                boolean better = v > best; // selects, not jumps: which element wins is unpredictable
                                bestAt = better ? at : bestAt;
                                best = better ? v : best;
                            }
                        }
                        max[(p * oh + oy) * ow + ox] = best;
                        argmax[(p * oh + oy) * ow + ox] = bestAt;
                    }
                }
            }
        });
        write(max, out);
        write(argmax, indices);
    }

    @Override
    public void maxPool2dBackward(Tensor gradOutput, Tensor indices, Tensor gradInput) {
        int planes = gradInput.size(0) * gradInput.size(1);
        int planeIn = gradInput.size(2) * gradInput.size(3);
        int planeOut = gradOutput.size(2) * gradOutput.size(3);
        double[] gy = read(gradOutput);
        double[] at = read(indices);
        double[] gx = new double[gradInput.numel()];
        CpuThreads.parallelFor(planes, planeOut, (from, to) -> {
            for (int p = from; p < to; p++) {
                for (int j = 0; j < planeOut; j++) {
                    gx[p * planeIn + (int) at[p * planeOut + j]] += gy[p * planeOut + j];
                }
            }
        });
        write(gx, gradInput);
    }

    @Override
    public void gather(Tensor x, int axis, Tensor index, Tensor out) {
        double[] in = read(x);
        double[] at = read(index);
        double[] result = new double[out.numel()];
        walkAlongAxis(x.shape(), index.shape(), axis, at, (full, indexed) -> result[indexed] = in[full]);
        write(result, out);
    }

    @Override
    public void scatterAdd(Tensor src, int axis, Tensor index, Tensor out) {
        double[] values = read(src);
        double[] at = read(index);
        double[] result = read(out);
        walkAlongAxis(out.shape(), index.shape(), axis, at, (full, indexed) -> result[full] += values[indexed]);
        write(result, out);
    }

    /** Visits (position in the full tensor, position in the indexed tensor) pairs of gather. */
    @FunctionalInterface
    private interface IndexPair {
        void visit(int full, int indexed);
    }

    private static void walkAlongAxis(int[] fullShape, int[] indexShape, int axis, double[] index, IndexPair pair) {
        int outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= indexShape[d];
        }
        int inner = Shape.numel(indexShape) / outer / indexShape[axis];
        int fullAxis = fullShape[axis];
        int indexAxis = indexShape[axis];
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < indexAxis; j++) {
                for (int i = 0; i < inner; i++) {
                    int indexed = (o * indexAxis + j) * inner + i;
                    pair.visit((o * fullAxis + (int) index[indexed]) * inner + i, indexed);
                }
            }
        }
    }
}
