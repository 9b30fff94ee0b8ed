package dev.masquerade.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Records the outcome of every test that grades a coursework task (tagged {@code task-A.N}, on
 * itself or on a container above it, as a dynamic test's factory is) in
 * {@value #FILE}, one JSON line per test: its tasks, its name, and whether it passed.
 * {@code masquerade coursework grade} reads these files. JUnit finds this listener through
 * {@code META-INF/services}, so it runs in every module whose tests see the engine's test-jar.
 */
public final class TaskResults implements TestExecutionListener {
    /** The file, relative to the module's folder (Maven's working folder for its tests). */
    public static final String FILE = "target/coursework-results.jsonl";

    /** Whether this test JVM has written its first result (one JVM may run several test plans). */
    private static boolean started;

    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest()) {
            return;
        }
        Set<String> tasks = tasksOf(test);
        if (tasks.isEmpty()) {
            return;
        }
        String line = "{\"tasks\": [" + String.join(", ", tasks.stream().map(t -> "\"" + t + "\"").toList()) + "], \"test\": \""
                + escape(plan.getParent(test).map(TestIdentifier::getDisplayName).orElse("") + " " + test.getDisplayName())
                + "\", \"passed\": " + (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) + "}\n";
        record(line);
    }

    private static synchronized void record(String line) {
        try {
            Path file = Path.of(FILE);
            Files.createDirectories(file.getParent());
            // the first result of a test run replaces the last run's file
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    started ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            started = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record a coursework result in " + FILE, e);
        }
    }

    /** The task tags of a test and of every container above it. */
    private Set<String> tasksOf(TestIdentifier test) {
        Set<String> tasks = new TreeSet<>();
        for (Optional<TestIdentifier> node = Optional.of(test); node.isPresent(); node = plan.getParent(node.get())) {
            for (TestTag tag : node.get().getTags()) {
                if (tag.getName().startsWith("task-")) {
                    tasks.add(tag.getName());
                }
            }
        }
        return tasks;
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
