package dev.masquerade.benchmarks;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** sgemm_N of ../shared/anchors/MODELS.md: C = A·B for random N×N float32 matrices; GFLOP/s = 2N³ / time. */
@State(Scope.Benchmark)
public class Sgemm extends EngineBenchmark {
    @Param({"256", "512", "1024", "2048"})
    public int n;
    private Tensor a;
    private Tensor b;

    @Setup
    public void setUp() {
        Rng rng = new Rng(0);
        a = Tensor.randn(rng, n, n);
        b = Tensor.randn(rng, n, n);
    }

    @Benchmark
    public Tensor sgemm() {
        return a.matmul(b);
    }
}
