package dev.masquerade.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
                classPath(), SignalHandlersTest.class.getName()).redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, probe.waitFor(), output);
        assertFalse(output.contains("handler modified"), "OpenCL replaced the JVM's signal handlers (is libjsig preloaded?): " + output);
    }

    /**
     * This JVM's class path and the jars or folders this test, the engine and JOCL came from:
     * a launcher that loads the tests through a class loader of its own (JUnit's console
     * launcher on the GPU machine) leaves them out of java.class.path.
     */
    private static String classPath() {
        Stream<String> sources = Stream.of(SignalHandlersTest.class, Tensor.class, OpenClBackend.class, org.jocl.CL.class)
                .map(c -> Path.of(URI.create(c.getProtectionDomain().getCodeSource().getLocation().toString())).toString());
        return Stream.concat(Stream.of(System.getProperty("java.class.path")), sources).distinct().collect(Collectors.joining(File.pathSeparator));
    }
}
