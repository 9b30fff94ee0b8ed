package dev.masquerade.engine.cpu;

import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.StridedArray;
import dev.masquerade.engine.backend.AdamStep;
import dev.masquerade.engine.backend.BinaryOp;
import dev.masquerade.engine.backend.Conv2dGeometry;
import dev.masquerade.engine.backend.ReduceOp;
import dev.masquerade.engine.backend.UnaryOp;
import java.util.function.Consumer;

/**
 * The fast float32 backend: the CPU backend the engine uses wherever Java's Vector API is
 * present. Float32 work runs straight on the float arrays: {@link VectorGemm} (a packed,
 * register-tiled GEMM) for products, {@link FloatConvolution} for convolutions,
 * {@link FloatKernels} for element-wise runs of unit stride. Each method takes that path when
 * its operands are float32 and otherwise leaves the work to the {@link ReferenceCpuBackend} it
 * extends (float64, int32, the odd strided chunk), which its results are tested against.
 */
public final class FastCpuBackend extends ReferenceCpuBackend {

    FastCpuBackend() {
    }

    private static boolean allFloat(StridedArray... arrays) {
        for (StridedArray a : arrays) {
            if (a.dtype() != DType.F32) {
                return false;
            }
        }
        return true;
    }

    private static float[] floats(StridedArray t) {
        return ((CpuStorage) t.storage()).floats();
    }

    /** t itself when it is contiguous, else a contiguous float32 copy. */
    private StridedArray contiguous(StridedArray t) {
        if (t.isContiguous()) {
            return t;
        }
        StridedArray copy = StridedArray.contiguous(allocate(DType.F32, t.numel()), t.shape());
        copy(t, copy);
        return copy;
    }

    /** Runs a kernel that writes a contiguous float32 result, through a copy when out is a strided view. */
    private void intoContiguous(StridedArray out, Consumer<StridedArray> kernel) {
        StridedArray target = out.isContiguous() ? out : StridedArray.contiguous(allocate(DType.F32, out.numel()), out.shape());
        kernel.accept(target);
        if (target != out) {
            copy(target, out);
        }
    }

    @Override
    public void unary(UnaryOp op, StridedArray x, StridedArray out, double... params) {
        if (!allFloat(x, out) || !FloatKernels.supports(op)) {
            super.unary(op, x, out, params);
            return;
        }
        StridedLoop.run(out.shape(), new StridedArray[] {out, x}, 2, c -> {
            if (c.stride[0] == 1 && c.stride[1] == 1) {
                FloatKernels.unary(op, params, floats(x), c.offset[1], floats(out), c.offset[0], c.length);
            } else {
                unaryChunk(op, params, x, out, c);
            }
        });
    }

    /** Runs where out and a are contiguous and b is contiguous or one repeated value take {@link FloatKernels}. */
    @Override
    public void binary(BinaryOp op, StridedArray a, StridedArray b, StridedArray out) {
        if (!allFloat(a, b, out) || !FloatKernels.supports(op)) {
            super.binary(op, a, b, out);
            return;
        }
        StridedLoop.run(out.shape(), new StridedArray[] {out, a, b}, 3, c -> {
            if (c.stride[0] != 1 || c.stride[1] != 1 || c.stride[2] > 1) {
                binaryChunk(op, a, b, out, c);
                return;
            }
            float[] right = floats(b);
            int at = c.offset[2];
            if (c.stride[2] == 0) { // one value repeated: spread it over a run first
                right = c.floatRun(right[at]);
                at = 0;
            }
            FloatKernels.binary(op, floats(a), c.offset[1], right, at, floats(out), c.offset[0], c.length);
        });
    }

    @Override
    public void copy(StridedArray src, StridedArray dst) {
        if (allFloat(src, dst) && isTransposedMatrix(src, dst)) {
            copyTransposed(src, dst);
        } else {
            super.copy(src, dst);
        }
    }

    /** Whether dst's rows lie along src's columns: a Linear layer's weight gradient arrives as such a view. */
    private static boolean isTransposedMatrix(StridedArray src, StridedArray dst) {
        return dst.rank() == 2 && dst.size(0) > 1 && dst.size(1) > 1 && src.strides()[0] == 1 && src.strides()[1] >= dst.size(0)
                && dst.strides()[1] == 1;
    }

    /**
     * Copies a transposed matrix tile by tile. Walking dst's rows would read src down its
     * columns, one cache line per element, each evicted before the next row reuses it; within a
     * {@value #TRANSPOSE_TILE}² tile the lines read for one row serve all the tile's rows.
     */
    private static void copyTransposed(StridedArray src, StridedArray dst) {
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

    /** Float to float directly, without the reference's detour through double. */
    @Override
    void copyInOrder(StridedArray src, StridedArray dst) {
        if (!allFloat(src, dst)) {
            super.copyInOrder(src, dst);
            return;
        }
        StridedLoop.run(dst.shape(), new StridedArray[] {dst, src}, 0, c -> {
            float[] from = floats(src), to = floats(dst);
            for (int i = 0, s = c.offset[1], d = c.offset[0]; i < c.length; i++, s += c.stride[1], d += c.stride[0]) {
                to[d] = from[s];
            }
        });
    }

    /** Float32 values fold in vector lanes of doubles ({@link FloatKernels#fold}); float64 keeps the reference's order. */
    @Override
    double fold(ReduceOp op, DType dtype, double acc, double[] values, int n) {
        return dtype == DType.F32 ? FloatKernels.fold(op, acc, values, n) : super.fold(op, dtype, acc, values, n);
    }

    @Override
    public void adamUpdate(StridedArray param, StridedArray grad, StridedArray m, StridedArray v, AdamStep step) {
        if (!allFloat(param, grad, m, v)) {
            super.adamUpdate(param, grad, m, v, step);
            return;
        }
        StridedLoop.run(param.shape(), new StridedArray[] {param, grad, m, v}, 4, c -> {
            if (c.stride[0] == 1 && c.stride[1] == 1 && c.stride[2] == 1 && c.stride[3] == 1) {
                FloatKernels.adam(step, floats(param), c.offset[0], floats(grad), c.offset[1], floats(m), c.offset[2], floats(v),
                        c.offset[3], c.length);
            } else {
                adamChunk(step, param, grad, m, v, c);
            }
        });
    }

    /** The float32 product on {@link VectorGemm}, reading a and b through their strides (transposes included). */
    @Override
    public void matmul(StridedArray a, boolean transposeA, StridedArray b, boolean transposeB, StridedArray out) {
        if (!allFloat(a, b, out)) {
            super.matmul(a, transposeA, b, transposeB, out);
            return;
        }
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

    private static FloatConvolution floatConvolution(StridedArray x, StridedArray weight, Conv2dGeometry g) {
        return new FloatConvolution(new Im2col(x.size(1), x.size(2), x.size(3), weight.size(2), weight.size(3), g), weight.size(0), x.size(0));
    }

    @Override
    public void conv2d(StridedArray x, StridedArray weight, StridedArray out, Conv2dGeometry g) {
        if (!allFloat(x, weight, out)) {
            super.conv2d(x, weight, out, g);
            return;
        }
        StridedArray cx = contiguous(x), cw = contiguous(weight);
        intoContiguous(out, target -> floatConvolution(x, weight, g)
                .forward(floats(cx), cx.offset(), floats(cw), cw.offset(), floats(target), target.offset()));
    }

    @Override
    public void conv2dBackwardInput(StridedArray gradOutput, StridedArray weight, StridedArray gradInput, Conv2dGeometry g) {
        if (!allFloat(gradOutput, weight, gradInput)) {
            super.conv2dBackwardInput(gradOutput, weight, gradInput, g);
            return;
        }
        StridedArray gy = contiguous(gradOutput), cw = contiguous(weight);
        intoContiguous(gradInput, target -> floatConvolution(gradInput, weight, g)
                .backwardInput(floats(gy), gy.offset(), floats(cw), cw.offset(), floats(target), target.offset()));
    }

    @Override
    public void conv2dBackwardWeight(StridedArray x, StridedArray gradOutput, StridedArray gradWeight, Conv2dGeometry g) {
        if (!allFloat(x, gradOutput, gradWeight)) {
            super.conv2dBackwardWeight(x, gradOutput, gradWeight, g);
            return;
        }
        StridedArray cx = contiguous(x), gy = contiguous(gradOutput);
        float[] result = floatConvolution(x, gradWeight, g).backwardWeight(floats(cx), cx.offset(), floats(gy), gy.offset());
        intoContiguous(gradWeight, target -> System.arraycopy(result, 0, floats(target), target.offset(), result.length));
    }
}
