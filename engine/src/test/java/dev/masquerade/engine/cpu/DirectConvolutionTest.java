package dev.masquerade.engine.cpu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.backend.Conv2dGeometry;
import dev.masquerade.engine.testing.GradCheck;
import org.junit.jupiter.api.Test;

/** Convolutions with few filters: the direct forward and weight gradient agree with the reference kernels. */
class DirectConvolutionTest {

    private static void agrees(int batch, int channels, int size, int filters, int kernel, int padding) {
        Rng rng = new Rng(batch * 1000L + channels * 100L + filters * 10L + kernel);
        Tensor x = Tensor.randn(rng, DType.F32, Device.CPU, batch, channels, size, size + 3);
        Tensor w = Tensor.randn(rng, DType.F32, Device.CPU, filters, channels, kernel, kernel);
        Conv2dGeometry g = Conv2dGeometry.square(1, padding, 1);
        int outH = g.outputHeight(size, kernel), outW = g.outputWidth(size + 3, kernel);
        FastCpuBackend fast = new FastCpuBackend();
        ReferenceCpuBackend reference = new ReferenceCpuBackend();
        Tensor expected = Tensor.empty(DType.F32, Device.CPU, batch, filters, outH, outW);
        Tensor actual = Tensor.empty(DType.F32, Device.CPU, batch, filters, outH, outW);
        reference.conv2d(x.array(), w.array(), expected.array(), g);
        fast.conv2d(x.array(), w.array(), actual.array(), g);
        close("forward", expected, actual);
        Tensor gradOutput = Tensor.randn(rng, DType.F32, Device.CPU, batch, filters, outH, outW);
        Tensor expectedWeight = Tensor.empty(DType.F32, Device.CPU, w.shape());
        Tensor actualWeight = Tensor.empty(DType.F32, Device.CPU, w.shape());
        reference.conv2dBackwardWeight(x.array(), gradOutput.array(), expectedWeight.array(), g);
        fast.conv2dBackwardWeight(x.array(), gradOutput.array(), actualWeight.array(), g);
        close("weight gradient", expectedWeight, actualWeight);
    }

    private static void close(String what, Tensor expected, Tensor actual) {
        double error = GradCheck.relativeError(actual.toDoubleArray(), expected.toDoubleArray());
        assertTrue(error <= 1e-5, what + ": direct and reference differ by " + error + " relative");
    }

    @Test
    void aDecodersLastLayer() {
        agrees(2, 8, 16, 3, 5, 2); // 8 channels to RGB, 5x5, same size out
        agrees(2, 4, 40, 3, 5, 2); // rows 43 wide: a plane's sums end inside a block of vectors
    }

    @Test
    void aKeypointLayer() {
        agrees(2, 6, 12, 10, 7, 3); // 10 heatmaps from a 7x7 kernel: blocks of 4 filters, the last half zero; 294 taps, the last block half past the end
        agrees(2, 5, 9, 40, 7, 3); // 40 Jacobian maps: direct forward, the GEMM's weight gradient
        agrees(1, 3, 5, DirectConvolution.MAX_WEIGHT_GRADIENT_FILTERS, 3, 1); // the most filters whose weight gradient is direct
        agrees(1, 3, 5, DirectConvolution.MAX_FILTERS, 3, 1); // the most filters the forward takes directly
    }

    @Test
    void awkwardSizesNoPaddingAndOneFilter() {
        agrees(3, 1, 7, 1, 3, 0);
        agrees(1, 5, 9, 4, 4, 3); // padding wider than half the kernel
        agrees(2, 3, 1, 2, 1, 0); // a 1x1 kernel on a single row
    }
}
