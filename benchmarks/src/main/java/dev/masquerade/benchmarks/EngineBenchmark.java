package dev.masquerade.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Settings shared by the engine's benchmarks: average time per call in milliseconds, one
 * forked JVM with the Vector API module (the engine's fast kernels), a few seconds of warm-up.
 * The engine itself uses every core, so each benchmark runs on one JMH thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 7, time = 2)
public abstract class EngineBenchmark {
}
