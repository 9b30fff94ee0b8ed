package dev.masquerade.kernels;

import dev.masquerade.engine.array.Shape;
import dev.masquerade.engine.array.StridedArray;
import dev.masquerade.engine.backend.Pool2dGeometry;

/**
 * The indexing kernels of one OpenCL device (indexing.cl), for {@link OpenClBackend}: max
 * pooling and its backward pass (which routes each gradient to the input that won), gather
 * along an axis and its adjoint, scatter-add.
 */
final class OpenClIndexing {
    private final OpenClBackend backend;
    private final Programs programs;

    OpenClIndexing(OpenClBackend backend, Programs programs) {
        this.backend = backend;
        this.programs = programs;
    }

    void maxPool2d(StridedArray x, StridedArray out, StridedArray indices, Pool2dGeometry g) {
        OpenClBackend.requireFloat("maxPool2d", x, out);
        OpenClBackend.requireContiguousOutput("maxPool2d", out, indices);
        StridedArray cx = backend.contiguousCopy(x);
        int planes = x.size(0) * x.size(1);
        backend.run(programs.kernel("indexing.cl", "max_pool"), new long[] {OpenClBackend.roundUp(out.numel())},
                OpenClBackend.memory(out), OpenClBackend.memory(indices), OpenClBackend.memory(cx), planes, x.size(2), x.size(3), out.size(2), out.size(3),
                g.kernel(), g.stride(), g.padding());
    }

    void maxPool2dBackward(StridedArray gradOutput, StridedArray indices, StridedArray gradInput) {
        OpenClBackend.requireFloat("maxPool2dBackward", gradOutput, gradInput);
        OpenClBackend.requireContiguousOutput("maxPool2dBackward", gradInput);
        StridedArray gy = backend.contiguousCopy(gradOutput);
        int planes = gradInput.size(0) * gradInput.size(1);
        backend.run(programs.kernel("indexing.cl", "max_pool_backward"), new long[] {OpenClBackend.roundUp(planes)},
                OpenClBackend.memory(gradInput), OpenClBackend.memory(gy), OpenClBackend.memory(backend.contiguousCopy(indices)), planes,
                gradInput.size(2) * gradInput.size(3), gradOutput.size(2) * gradOutput.size(3));
    }

    /** outer, size of x along the axis, size of index along it, inner: the loop bounds of gather and scatter-add. */
    private static int[] alongAxis(int[] full, int[] indexed, int axis) {
        int outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= indexed[d];
        }
        int inner = Shape.numel(indexed) / outer / indexed[axis];
        return new int[] {outer, full[axis], indexed[axis], inner};
    }

    void gather(StridedArray x, int axis, StridedArray index, StridedArray out) {
        OpenClBackend.requireFloat("gather", x, out);
        OpenClBackend.requireContiguousOutput("gather", out);
        int[] b = alongAxis(x.shape(), index.shape(), axis);
        backend.run(programs.kernel("indexing.cl", "gather"), new long[] {OpenClBackend.roundUp(out.numel())},
                OpenClBackend.memory(out), OpenClBackend.memory(backend.contiguousCopy(x)), OpenClBackend.memory(backend.contiguousCopy(index)), b[0], b[1], b[2], b[3]);
    }

    void scatterAdd(StridedArray src, int axis, StridedArray index, StridedArray out) {
        OpenClBackend.requireFloat("scatterAdd", src, out);
        int[] b = alongAxis(out.shape(), index.shape(), axis);
        StridedArray target = backend.contiguousCopy(out);
        backend.run(programs.kernel("indexing.cl", "scatter_add"), new long[] {OpenClBackend.roundUp((long) b[0] * b[3])},
                OpenClBackend.memory(target), OpenClBackend.memory(backend.contiguousCopy(src)), OpenClBackend.memory(backend.contiguousCopy(index)), b[0], b[1], b[2], b[3]);
        if (target != out) {
            backend.copy(target, out);
        }
    }
}
