package dev.masquerade.coursework;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Proves that each task's tests grade that task: with only the task's solution replaced by its
 * stub (in an export of its own), every one of its tests fails; with the reference solution,
 * every one passes. A test that passes without the task's code would hand out points for nothing.
 */
public final class TaskCheck {
    private static final Pattern TAG = Pattern.compile("@Tag\\(\"(task-\\d+\\.\\d+)\"\\)");

    private TaskCheck() {
    }

    /**
     * A task's check.
     *
     * @param stubbedFailed tests of the task that failed with its stub (all of them, for a good task)
     * @param tests         the task's tests
     * @param referencePassed tests of the task that passed with the reference code
     */
    public record Verdict(String task, int tests, int stubbedFailed, int referencePassed) {
        /** Whether the task's tests grade it: some exist, all fail without its code and all pass with it. */
        public boolean holds() {
            return tests > 0 && stubbedFailed == tests && referencePassed == tests;
        }
    }

    /** The modules whose tests carry each task's tag, by task. */
    public static Map<String, Set<String>> testModules(Path root) throws IOException {
        Map<String, Set<String>> modules = new TreeMap<>(SolutionRegion.BY_NUMBER);
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path test : paths.filter(p -> p.toString().contains("/src/test/") && p.toString().endsWith(".java")
                    && !p.toString().contains("/target/")).toList()) {
                Matcher tag = TAG.matcher(Files.readString(test));
                String module = root.relativize(test).getName(0).toString();
                while (tag.find()) {
                    modules.computeIfAbsent(tag.group(1), t -> new TreeSet<>()).add(module);
                }
            }
        }
        return modules;
    }

    /**
     * Checks every task of {@code root} (a Git work tree), exporting each with only its own
     * region stubbed under {@code work}; Maven's output goes to {@code log}, a line per task to
     * {@code progress}.
     */
    public static List<Verdict> run(Path root, Path work, Path log, Consumer<String> progress) throws IOException {
        List<String> tracked = StudentRepository.trackedFiles(root);
        Map<String, Set<String>> modules = testModules(root);
        Set<String> tasks = Grades.tasks(root).keySet();
        progress.accept("the reference, every task's tests ...");
        Grades.clear(root);
        Maven.testTasks(root, tasks, Set.of(), log);
        Map<String, Grades.Grade> reference = byTask(Grades.of(root));
        Map<String, Verdict> verdicts = new TreeMap<>(SolutionRegion.BY_NUMBER);
        for (String task : tasks) {
            Path edition = work.resolve(task);
            StudentRepository.export(root, tracked, edition, region -> region.task().equals(task));
            Maven.testTasks(edition, Set.of(task), modules.getOrDefault(task, Set.of()), log);
            Grades.Grade stubbed = byTask(Grades.of(edition)).get(task);
            Grades.Grade solved = reference.get(task);
            Verdict verdict = new Verdict(task, solved.tests(), stubbed.tests() - stubbed.passed(), solved.passed());
            verdicts.put(task, verdict);
            progress.accept(String.format("%s: %d of %d tests fail without its code, %d pass with it%s", task, verdict.stubbedFailed(),
                    verdict.tests(), verdict.referencePassed(), verdict.holds() ? "" : "  <-- does not grade the task"));
            StudentRepository.removeTree(edition);
        }
        return List.copyOf(verdicts.values());
    }

    private static Map<String, Grades.Grade> byTask(List<Grades.Grade> grades) {
        Map<String, Grades.Grade> byTask = new TreeMap<>(SolutionRegion.BY_NUMBER);
        grades.forEach(grade -> byTask.put(grade.task(), grade));
        return byTask;
    }
}
