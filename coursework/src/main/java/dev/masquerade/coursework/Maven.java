package dev.masquerade.coursework;

import dev.masquerade.nn.io.ChildProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Runs the tests of tasks with Maven, past failures, for grading and checking. */
public final class Maven {
    private Maven() {
    }

    /**
     * Runs {@code mvn test} in {@code repository} with the tests tagged by {@code tasks} only,
     * on {@code modules} and what they need (all modules when empty), never stopping at a failed
     * test; Maven's output is appended to {@code log}.
     *
     * @return Maven's exit code: not 0 when a module did not compile
     */
    public static int testTasks(Path repository, Collection<String> tasks, Collection<String> modules, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-fae", "test", "-Dgroups=" + String.join(" | ", tasks),
                "-Dmaven.test.failure.ignore=true", "-Dsurefire.failIfNoSpecifiedTests=false"));
        if (!modules.isEmpty()) {
            command.addAll(List.of("-pl", String.join(",", modules), "-am"));
        }
        ProcessBuilder mvn = ChildProcess.of(command).directory(repository.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process running;
        try {
            running = mvn.start();
        } catch (IOException e) {
            throw new IOException("Maven (mvn) is not installed, and the tasks' tests run with it: apt-get install maven", e);
        }
        try {
            return running.waitFor();
        } catch (InterruptedException e) {
            running.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while Maven ran the tests of " + tasks, e);
        }
    }
}
