package dev.masquerade.benchmarks;

import dev.masquerade.engine.Memory;
import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * conv3x3 of ../shared/anchors/MODELS.md: input 16×64×32×32, weight 128×64×3×3, stride 1,
 * padding 1, with bias. Forward FLOPs = 2·16·128·64·9·32·32; forward+backward counts 3× that,
 * timed as conv(x).sum().backward() like the PyTorch reference. {@code -p device=opencl:0} runs
 * it on an OpenCL device; each call reads one number of its result back, so an asynchronous
 * device has finished the work when the call returns.
 */
@State(Scope.Benchmark)
public class Conv3x3 extends EngineBenchmark {
    @Param({"cpu"})
    public String device;
    /** FLOPs of one forward pass. */
    public static final double FORWARD_FLOPS = 2.0 * 16 * 128 * 64 * 9 * 32 * 32;
    private Tensor x;
    private Tensor weight;
    private Tensor bias;

    @Setup
    public void setUp() {
        Rng rng = new Rng(0);
        Device on = Device.parse(device);
        x = Tensor.randn(rng, 16, 64, 32, 32).to(on).requiresGrad(true);
        weight = Tensor.randn(rng, 128, 64, 3, 3).mul(0.05).to(on).detach().requiresGrad(true);
        bias = Tensor.zeros(128).to(on).requiresGrad(true);
    }

    @Benchmark
    public double forward() {
        try (var scope = NoGrad.enter(); Memory.Scope memory = Memory.scope()) {
            return firstElement(x.conv2d(weight, bias, 1, 1, 1));
        }
    }

    private static double firstElement(Tensor t) {
        return t.reshape(-1).narrow(0, 0, 1).item();
    }

    @Benchmark
    public double forwardBackward() {
        try (Memory.Scope memory = Memory.scope()) {
            x.zeroGrad();
            weight.zeroGrad();
            bias.zeroGrad();
            x.conv2d(weight, bias, 1, 1, 1).sum().backward();
            return firstElement(weight.grad());
        }
    }
}
