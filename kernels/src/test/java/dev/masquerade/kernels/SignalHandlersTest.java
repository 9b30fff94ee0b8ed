package dev.masquerade.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The JVM keeps its own signal handlers while PoCL runs. PoCL's LLVM installs a SIGSEGV handler
 * over the JVM's, and the JVM uses SIGSEGV itself (null checks, safepoints), so a test run died
 * at a random point with "Segmentation fault" and no error report. Surefire (and the
 * {@code masquerade} script) preload HotSpot's signal chaining, libjsig, which keeps the JVM's
 * handler first; {@code -Xcheck:jni} reports a handler that was replaced anyway.
 */
class SignalHandlersTest {

    /** Starts OpenCL and runs a kernel, in a JVM of its own. */
    public static void main(String[] args) {
        Tensor x = Tensor.ones(DType.F32, OpenClUnderTest.DEVICE, 16);
        System.out.println("sum " + x.add(x).sum().item());
    }

    @Test
    void theJvmKeepsItsSignalHandlersWhenOpenClStarts() throws IOException, InterruptedException {
        OpenClUnderTest.require();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process probe = new ProcessBuilder(java.toString(), "-Xcheck:jni", "--add-modules", "jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), SignalHandlersTest.class.getName()).redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, probe.waitFor(), output);
        assertFalse(output.contains("handler modified"), "OpenCL replaced the JVM's signal handlers (is libjsig preloaded?): " + output);
    }
}
