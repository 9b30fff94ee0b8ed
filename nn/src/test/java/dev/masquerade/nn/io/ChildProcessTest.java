package dev.masquerade.nn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tools the engine runs do not inherit the JVM's libjsig preload, and keep any other. */
class ChildProcessTest {
    @Test
    void libjsigIsDroppedAndOtherPreloadsAreKept() {
        Map<String, String> alone = new HashMap<>(Map.of("LD_PRELOAD", "/usr/lib/jvm/java-17/lib/libjsig.so"));
        ChildProcess.withoutJvmPreload(alone);
        assertFalse(alone.containsKey("LD_PRELOAD"));

        Map<String, String> mixed = new HashMap<>(Map.of("LD_PRELOAD", "/usr/lib/jvm/java-17/lib/libjsig.so:/opt/libfaketime.so"));
        ChildProcess.withoutJvmPreload(mixed);
        assertEquals("/opt/libfaketime.so", mixed.get("LD_PRELOAD"));

        Map<String, String> none = new HashMap<>(Map.of("PATH", "/usr/bin"));
        ChildProcess.withoutJvmPreload(none);
        assertEquals(Map.of("PATH", "/usr/bin"), none);
    }

    @Test
    void aChildRunsWithoutTheJvmsPreload() throws IOException, InterruptedException {
        Process child = ChildProcess.of("sh", "-c", "printf '%s' \"${LD_PRELOAD:-}\"").start();
        String seen = new String(child.getInputStream().readAllBytes());
        assertEquals(0, child.waitFor());
        assertFalse(seen.contains("libjsig"), "the child saw LD_PRELOAD=" + seen);
    }
}
