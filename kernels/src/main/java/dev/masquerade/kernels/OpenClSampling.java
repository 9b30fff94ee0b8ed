package dev.masquerade.kernels;

import dev.masquerade.engine.array.StridedArray;

/**
 * The bilinear sampling kernels of one OpenCL device (sampling.cl), for {@link OpenClBackend}:
 * grid sample and its gradients to the picture and to the points.
 */
final class OpenClSampling {
    private final OpenClBackend backend;
    private final Programs programs;

    OpenClSampling(OpenClBackend backend, Programs programs) {
        this.backend = backend;
        this.programs = programs;
    }

    void gridSample(StridedArray x, StridedArray grid, StridedArray out) {
        OpenClBackend.requireFloat("gridSample", x, grid, out);
        OpenClBackend.requireContiguousOutput("gridSample", out);
        int points = grid.size(1) * grid.size(2);
        backend.run(programs.kernel("sampling.cl", "grid_sample"), new long[] {OpenClBackend.roundUp(out.numel())},
                OpenClBackend.memory(out), OpenClBackend.memory(backend.contiguousCopy(x)), OpenClBackend.memory(backend.contiguousCopy(grid)),
                x.size(0), x.size(1), x.size(2), x.size(3), points);
    }

    void gridSampleBackward(StridedArray gradOutput, StridedArray x, StridedArray grid, StridedArray gradInput, StridedArray gradGrid) {
        OpenClBackend.requireFloat("gridSampleBackward", gradOutput, x, grid, gradInput, gradGrid);
        OpenClBackend.requireContiguousOutput("gridSampleBackward", gradInput, gradGrid);
        int n = x.size(0), c = x.size(1), points = grid.size(1) * grid.size(2);
        StridedArray gy = backend.contiguousCopy(gradOutput), at = backend.contiguousCopy(grid);
        backend.run(programs.kernel("sampling.cl", "grid_sample_backward_input"), new long[] {OpenClBackend.roundUp((long) n * c)},
                OpenClBackend.memory(gradInput), OpenClBackend.memory(gy), OpenClBackend.memory(at), n, c, x.size(2), x.size(3), points);
        backend.run(programs.kernel("sampling.cl", "grid_sample_backward_grid"), new long[] {OpenClBackend.roundUp((long) n * points)},
                OpenClBackend.memory(gradGrid), OpenClBackend.memory(gy), OpenClBackend.memory(backend.contiguousCopy(x)),
                OpenClBackend.memory(at), n, c, x.size(2), x.size(3), points);
    }
}
