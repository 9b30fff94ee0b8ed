package dev.masquerade.benchmarks;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Memory-bound work on 16 M floats: the engine's element-wise add (reads 2 arrays, writes 1:
 * 192 MB per call) next to the machine's copy bandwidth, measured with System.arraycopy split
 * over as many threads as the engine uses (reads 1, writes 1: 128 MB per call).
 */
@State(Scope.Benchmark)
public class Elementwise extends EngineBenchmark {
    /** Elements per array. */
    public static final int N = 16 * 1024 * 1024;
    private Tensor a;
    private Tensor b;
    private float[] source;
    private float[] target;

    @Setup
    public void setUp() {
        Rng rng = new Rng(0);
        a = Tensor.rand(rng, N);
        b = Tensor.rand(rng, N);
        source = a.toFloatArray();
        target = new float[N];
    }

    @Benchmark
    public Tensor add() {
        return a.add(b);
    }

    @Benchmark
    public float[] copyBandwidth() {
        int parts = Integer.getInteger("masquerade.cpu.threads", Runtime.getRuntime().availableProcessors());
        IntStream.range(0, parts).parallel().forEach(p -> {
            int from = (int) ((long) N * p / parts);
            int to = (int) ((long) N * (p + 1) / parts);
            System.arraycopy(source, from, target, from, to - from);
        });
        return target;
    }
}
