package dev.masquerade.nn.io;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Process builders for the tools the engine runs (git, Maven, ffmpeg, npm). The masquerade
 * script and Surefire preload the JVM's libjsig, so that OpenCL's LLVM chains its signal
 * handlers behind the JVM's instead of replacing them; a child inherits LD_PRELOAD, and a
 * child that is not a JVM then prints "OpenJDK VM warning: the use of signal() and sigset()
 * ..." into the output we read. The children here get LD_PRELOAD without libjsig.
 */
public final class ChildProcess {
    private ChildProcess() {
    }

    /** A builder for {@code command} whose environment preloads nothing of the JVM's. */
    public static ProcessBuilder of(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        withoutJvmPreload(builder.environment());
        return builder;
    }

    /** {@link #of(List)} for a command given word by word. */
    public static ProcessBuilder of(String... command) {
        return of(Arrays.asList(command));
    }

    /** Drops libjsig from LD_PRELOAD in {@code environment}, and LD_PRELOAD itself when nothing else is left. */
    static void withoutJvmPreload(Map<String, String> environment) {
        String preload = environment.get("LD_PRELOAD");
        if (preload == null) {
            return;
        }
        String kept = Arrays.stream(preload.split("[: ]")).filter(library -> !library.isEmpty() && !library.endsWith("/libjsig.so"))
                .collect(Collectors.joining(":"));
        if (kept.isEmpty()) {
            environment.remove("LD_PRELOAD");
        } else {
            environment.put("LD_PRELOAD", kept);
        }
    }
}
