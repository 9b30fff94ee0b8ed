package dev.masquerade.engine.backend;

import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.array.Storage;
import dev.masquerade.engine.array.StridedArray;

/**
 * The primitives every device must provide. Operations in {@code dev.masquerade.engine.ops}
 * build forward and backward passes from these calls only, so a backend that implements them
 * runs whole training steps on its device.
 *
 * <p>Conventions shared by every method:
 * <ul>
 *   <li>Operations are named by opcode ({@link UnaryOp}, {@link BinaryOp}, {@link ReduceOp}),
 *       never by a Java lambda, because a lambda cannot run on an OpenCL device.</li>
 *   <li>Inputs may be any strided view. Outputs are written through their strides too, so an
 *       output may be a view into a larger tensor.</li>
 *   <li>Shapes have been checked by the calling operation; a backend may assume they fit.</li>
 *   <li>All tensors of one call share this backend's device and (except indices) one dtype.</li>
 * </ul>
 */
public interface Backend {

    /** The device this backend runs on. */
    Device device();

    /** Fresh, uninitialised storage for {@code size} elements. */
    Storage allocate(DType dtype, int size);

    /**
     * Bytes of device memory held by live storages (released ones no longer count), or -1
     * where the backend does not count them (the CPU: Java's heap holds its arrays).
     */
    default long deviceBytesInUse() {
        return -1;
    }

    /** Copies host values into fresh storage of the given type (I32 values are truncated). */
    Storage upload(double[] values, DType dtype);

    /** Copies the elements of a view to the host, in row-major logical order. */
    double[] download(StridedArray tensor);

    /** {@code out = op(x)} element by element; {@code params} as {@link UnaryOp#parameterCount()}. */
    void unary(UnaryOp op, StridedArray x, StridedArray out, double... params);

    /** {@code out = op(a, b)} element by element; a and b are already broadcast to out's shape (stride 0). */
    void binary(BinaryOp op, StridedArray a, StridedArray b, StridedArray out);

    /** {@code out = condition != 0 ? a : b}, all broadcast to out's shape. */
    void where(StridedArray condition, StridedArray a, StridedArray b, StridedArray out);

    /** Reduces x over {@code axes}; out has x's rank with those axes of size 1. */
    void reduce(ReduceOp op, StridedArray x, int[] axes, StridedArray out);

    /** {@code dst = src} element by element (same shape, any strides, dtype converted). */
    void copy(StridedArray src, StridedArray dst);

    /** Sets every element of dst to value. */
    void fill(StridedArray dst, double value);

    /**
     * Batched matrix product {@code out[b] = op(a[b]) · op(bm[b])} on rank-3 tensors, where op
     * transposes the last two axes when its flag is set. A batch stride of 0 repeats one matrix.
     */
    void matmul(StridedArray a, boolean transposeA, StridedArray b, boolean transposeB, StridedArray out);

    /** Cross-correlation of x [N, C, H, W] with weight [F, C, kH, kW] into out [N, F, Ho, Wo]. */
    void conv2d(StridedArray x, StridedArray weight, StridedArray out, Conv2dGeometry geometry);

    /** Gradient of conv2d with respect to its input: gradInput [N, C, H, W] from gradOutput and weight. */
    void conv2dBackwardInput(StridedArray gradOutput, StridedArray weight, StridedArray gradInput, Conv2dGeometry geometry);

    /** Gradient of conv2d with respect to its weight: gradWeight [F, C, kH, kW] from x and gradOutput. */
    void conv2dBackwardWeight(StridedArray x, StridedArray gradOutput, StridedArray gradWeight, Conv2dGeometry geometry);

    /**
     * Depthwise cross-correlation: x [N, C, H, W] with weight [C·m, 1, kH, kW] into out
     * [N, C·m, Ho, Wo], where output channel c·m + j is input channel c's filter j alone.
     */
    void depthwiseConv2d(StridedArray x, StridedArray weight, StridedArray out, Conv2dGeometry geometry);

    /** Gradient of depthwiseConv2d with respect to its input: gradInput [N, C, H, W] from gradOutput and weight. */
    void depthwiseConv2dBackwardInput(StridedArray gradOutput, StridedArray weight, StridedArray gradInput, Conv2dGeometry geometry);

    /** Gradient of depthwiseConv2d with respect to its weight: gradWeight [C·m, 1, kH, kW] from x and gradOutput. */
    void depthwiseConv2dBackwardWeight(StridedArray x, StridedArray gradOutput, StridedArray gradWeight, Conv2dGeometry geometry);

    /**
     * Max pooling of x [N, C, H, W] into out [N, C, Ho, Wo]; indices (I32, same shape as out)
     * receive the position {@code h·W + w} of each maximum within its input plane.
     */
    void maxPool2d(StridedArray x, StridedArray out, StridedArray indices, Pool2dGeometry geometry);

    /** Routes each gradOutput element to the input position that indices names; gradInput is overwritten. */
    void maxPool2dBackward(StridedArray gradOutput, StridedArray indices, StridedArray gradInput);

    /**
     * {@code out[..., j, ...] = x[..., index[..., j, ...], ...]} along {@code axis}; index (I32) has
     * out's shape, which equals x's shape except along axis.
     */
    void gather(StridedArray x, int axis, StridedArray index, StridedArray out);

    /** The adjoint of gather: {@code out[..., index[..., j, ...], ...] += src[..., j, ...]} along axis. */
    void scatterAdd(StridedArray src, int axis, StridedArray index, StridedArray out);

    /**
     * Bilinear sampling: out[n, c, i, j] reads x [N, C, H, W] at the point grid[n, i, j] =
     * (x, y) of grid [N, Ho, Wo, 2], where −1 and 1 are the outer edges of the first and last
     * pixels (PyTorch's {@code grid_sample} with {@code align_corners=False}); pixels beyond the
     * picture read 0.
     */
    void gridSample(StridedArray x, StridedArray grid, StridedArray out);

    /** Both gradients of gridSample, overwritten: gradInput [N, C, H, W] and gradGrid [N, Ho, Wo, 2]. */
    void gridSampleBackward(StridedArray gradOutput, StridedArray x, StridedArray grid, StridedArray gradInput, StridedArray gradGrid);
}
