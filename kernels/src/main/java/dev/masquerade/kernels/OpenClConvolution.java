package dev.masquerade.kernels;

import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Shape;
import dev.masquerade.engine.array.StridedArray;
import dev.masquerade.engine.backend.Conv2dGeometry;
import dev.masquerade.engine.backend.ReduceOp;

/**
 * Convolutions of one OpenCL device, for {@link OpenClBackend}: as matrix products (tutorial 4's
 * im2col view). The forward pass unfolds every window of the input into a column (im2col.cl)
 * and multiplies by the weight as a matrix; the input gradient multiplies by the weight
 * transposed and folds the columns back (col2im); the weight gradient multiplies the output
 * gradient by the columns transposed, per image, and sums over the batch. Depthwise
 * convolutions (one small filter per channel, too little work for a matrix product) run
 * directly, one work-item per value written (depthwise.cl).
 */
final class OpenClConvolution {
    private final OpenClBackend backend;
    private final OpenCl.DeviceEntry entry;
    private final Programs programs;

    OpenClConvolution(OpenClBackend backend, OpenCl.DeviceEntry entry, Programs programs) {
        this.backend = backend;
        this.entry = entry;
        this.programs = programs;
    }

    /** The Geometry struct of im2col.cl for an input [N, C, H, W] and a kernel kH×kW. */
    private static int[] geometry(int[] input, int kh, int kw, Conv2dGeometry g) {
        return new int[] {input[0], input[1], input[2], input[3], kh, kw, g.outputHeight(input[2], kh), g.outputWidth(input[3], kw),
            g.strideH(), g.strideW(), g.padH(), g.padW(), g.dilationH(), g.dilationW()};
    }

    /** The im2col matrices of a batch, [N, C·kH·kW, Ho·Wo]. */
    private StridedArray columns(StridedArray x, int[] geometry) {
        int rows = geometry[1] * geometry[4] * geometry[5];
        int pixels = geometry[6] * geometry[7];
        StridedArray cols = StridedArray.of(backend.allocate(DType.F32, geometry[0] * rows * pixels), new int[] {geometry[0], rows, pixels},
                Shape.contiguousStrides(new int[] {geometry[0], rows, pixels}), 0);
        // a CPU device does a row of output pixels per work-item; a GPU a pixel per work-item, so that
        // neighbouring work-items write neighbouring addresses
        int span = entry.isCpu() ? geometry[7] : 1;
        long[] range = {(geometry[7] + span - 1) / span, geometry[6], (long) geometry[0] * geometry[1]};
        backend.run(programs.kernel("im2col.cl", "im2col"), range, OpenClBackend.memory(cols), OpenClBackend.memory(backend.contiguousCopy(x)), geometry, span);
        return cols;
    }

    /** weight [F, C, kH, kW] as the matrix [F, C·kH·kW], shared by every image (batch stride 0). */
    private StridedArray weightMatrix(StridedArray weight, int batch) {
        StridedArray w = backend.contiguousCopy(weight);
        int rows = weight.size(0), cols = weight.numel() / rows;
        return StridedArray.of(w.storage(), new int[] {batch, rows, cols}, new int[] {0, cols, 1}, 0);
    }

    void conv2d(StridedArray x, StridedArray weight, StridedArray out, Conv2dGeometry g) {
        OpenClBackend.requireFloat("conv2d", x, weight, out);
        int[] geometry = geometry(x.shape(), weight.size(2), weight.size(3), g);
        StridedArray cols = columns(x, geometry);
        StridedArray y = StridedArray.of(out.storage(), new int[] {x.size(0), weight.size(0), cols.size(2)},
                new int[] {weight.size(0) * cols.size(2), cols.size(2), 1}, out.offset());
        OpenClBackend.requireContiguousOutput("conv2d", out);
        backend.matmul(weightMatrix(weight, x.size(0)), false, cols, false, y);
    }

    void conv2dBackwardInput(StridedArray gradOutput, StridedArray weight, StridedArray gradInput, Conv2dGeometry g) {
        OpenClBackend.requireFloat("conv2dBackwardInput", gradOutput, weight, gradInput);
        OpenClBackend.requireContiguousOutput("conv2dBackwardInput", gradInput);
        int[] geometry = geometry(gradInput.shape(), weight.size(2), weight.size(3), g);
        int batch = gradInput.size(0), filters = weight.size(0), rows = weight.numel() / filters, pixels = geometry[6] * geometry[7];
        StridedArray gy = StridedArray.of(backend.contiguousCopy(gradOutput).storage(), new int[] {batch, filters, pixels},
                new int[] {filters * pixels, pixels, 1}, 0);
        StridedArray cols = StridedArray.of(backend.allocate(DType.F32, batch * rows * pixels), new int[] {batch, rows, pixels},
                new int[] {rows * pixels, pixels, 1}, 0);
        backend.matmul(weightMatrix(weight, batch), true, gy, false, cols); // Wᵀ · G per image
        backend.run(programs.kernel("im2col.cl", "col2im"), new long[] {OpenClBackend.roundUp(gradInput.numel())}, OpenClBackend.memory(gradInput), OpenClBackend.memory(cols), geometry);
    }

    void conv2dBackwardWeight(StridedArray x, StridedArray gradOutput, StridedArray gradWeight, Conv2dGeometry g) {
        OpenClBackend.requireFloat("conv2dBackwardWeight", x, gradOutput, gradWeight);
        int[] geometry = geometry(x.shape(), gradWeight.size(2), gradWeight.size(3), g);
        int batch = x.size(0), filters = gradWeight.size(0), rows = gradWeight.numel() / filters, pixels = geometry[6] * geometry[7];
        StridedArray cols = columns(x, geometry);
        StridedArray gy = StridedArray.of(backend.contiguousCopy(gradOutput).storage(), new int[] {batch, filters, pixels},
                new int[] {filters * pixels, pixels, 1}, 0);
        StridedArray perImage = StridedArray.of(backend.allocate(DType.F32, batch * filters * rows), new int[] {batch, filters, rows},
                new int[] {filters * rows, rows, 1}, 0);
        backend.matmul(gy, false, cols, true, perImage); // G · X̂ᵀ per image, then summed over the batch
        StridedArray summed = StridedArray.of(gradWeight.storage(), new int[] {1, filters, rows}, new int[] {filters * rows, rows, 1},
                gradWeight.offset());
        OpenClBackend.requireContiguousOutput("conv2dBackwardWeight", gradWeight);
        backend.reduce(ReduceOp.SUM, perImage, new int[] {0}, summed);
    }

    /** The Depthwise struct of depthwise.cl for an input [N, C, H, W] and a weight [C·m, 1, kH, kW]. */
    private static int[] depthwise(int[] input, int[] weight, Conv2dGeometry g) {
        return new int[] {input[0], input[1], input[2], input[3], weight[0] / input[1], weight[2], weight[3],
            g.outputHeight(input[2], weight[2]), g.outputWidth(input[3], weight[3]),
            g.strideH(), g.strideW(), g.padH(), g.padW(), g.dilationH(), g.dilationW()};
    }

    private void runDepthwise(String kernel, StridedArray out, StridedArray a, StridedArray b, int[] geometry) {
        OpenClBackend.requireFloat(kernel, out, a, b);
        OpenClBackend.requireContiguousOutput(kernel, out);
        backend.run(programs.kernel("depthwise.cl", kernel), new long[] {OpenClBackend.roundUp(out.numel())}, OpenClBackend.memory(out),
                OpenClBackend.memory(backend.contiguousCopy(a)), OpenClBackend.memory(backend.contiguousCopy(b)), geometry);
    }

    void depthwiseConv2d(StridedArray x, StridedArray weight, StridedArray out, Conv2dGeometry g) {
        runDepthwise("depthwise_forward", out, x, weight, depthwise(x.shape(), weight.shape(), g));
    }

    void depthwiseConv2dBackwardInput(StridedArray gradOutput, StridedArray weight, StridedArray gradInput, Conv2dGeometry g) {
        runDepthwise("depthwise_backward_input", gradInput, gradOutput, weight, depthwise(gradInput.shape(), weight.shape(), g));
    }

    void depthwiseConv2dBackwardWeight(StridedArray x, StridedArray gradOutput, StridedArray gradWeight, Conv2dGeometry g) {
        runDepthwise("depthwise_backward_weight", gradWeight, x, gradOutput, depthwise(x.shape(), gradWeight.shape(), g));
    }
}
