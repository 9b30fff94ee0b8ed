package dev.masquerade.autoencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import org.junit.jupiter.api.Test;

class SwapMetricsTest {
    @Test
    void metricsInBatchesEqualTheMetricsOfTheWholeSet() {
        Tensor targets = Tensor.rand(new Rng(1), DType.F64, Device.CPU, 7, 3, 16, 16);
        Tensor inputs = targets.add(Tensor.randn(new Rng(2), DType.F64, Device.CPU, 7, 3, 16, 16).mul(0.05));
        double[] batched = SwapMetrics.psnrAndSsim(x -> x.mul(0.9), inputs, targets, Device.CPU, 3);
        Tensor whole = inputs.mul(0.9);
        assertEquals(SwapMetrics.psnr(whole, targets), batched[0], 1e-9);
        assertEquals(SwapMetrics.ssim(whole, targets), batched[1], 1e-9);
        double[] oneBatch = SwapMetrics.psnrAndSsim(x -> x.mul(0.9), inputs, targets, Device.CPU, 64);
        assertEquals(SwapMetrics.psnr(whole, targets), oneBatch[0], 0, "one batch is the whole computation, to the last bit");
        assertEquals(SwapMetrics.ssim(whole, targets), oneBatch[1], 0);
    }
}
