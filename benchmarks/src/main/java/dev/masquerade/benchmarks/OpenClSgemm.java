package dev.masquerade.benchmarks;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * sgemm_N on the first OpenCL device with each kernel of the matmul ladder (naive, tiled,
 * more_work, register_blocked), rung 4 with the tiling tuned for the shape (tuned, the GPUs'
 * default) and the CPU kernel (packed panels, tuned block); {@link
 * ClBlastSgemm} measures CLBlast on the same device. JMH runs each parameter set in a
 * fresh JVM, so the kernel is chosen through {@code masquerade.opencl.matmul} before the
 * device is first used. Each call ends by reading one element of the product back, so the
 * time covers the whole product (and the allocation of its output), as CLBlast's does.
 */
@State(Scope.Benchmark)
public class OpenClSgemm extends EngineBenchmark {
    @Param({"naive", "tiled", "more_work", "register_blocked", "tuned", "cpu"})
    public String kernel;
    @Param({"256", "512", "1024", "2048"})
    public int n;
    private Tensor a;
    private Tensor b;

    @Setup
    public void setUp() {
        System.setProperty("masquerade.opencl.matmul", kernel);
        Device device = Device.parse(System.getProperty("masquerade.opencl.device", "opencl:0"));
        Rng rng = new Rng(0);
        a = Tensor.randn(rng, n, n).to(device);
        b = Tensor.randn(rng, n, n).to(device);
    }

    @Benchmark
    public double sgemm() {
        return a.matmul(b).narrow(0, 0, 1).narrow(1, 0, 1).item(); // one number back: waits for the product, like ClBlastSgemm
    }
}
