package dev.masquerade.coursework;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
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
 * Proves that each task's tests grade that task, in the order a student meets the tasks: with
 * the task and every later one stubbed, every one of its tests fails; with only the later ones
 * stubbed (its own code written, as a student who works in order has it), every one passes. The
 * two repositories differ only in that task's regions, so its code is what turns its tests from
 * failing to passing, and no task's tests need a later task. A test that passes without the
 * task's code would hand out points for nothing.
 *
 * <p>Export k stubs task k and the ones after it, so it serves task k − 1 (solved) and task k
 * (stubbed): n tasks take n + 1 exports, each running the tests of two tasks.
 */
public final class TaskCheck {
    private static final Pattern TAG = Pattern.compile("@Tag\\(\"(task-\\d+\\.\\d+)\"\\)");

    private TaskCheck() {
    }

    /**
     * A task's check.
     *
     * @param tests          the task's tests
     * @param stubbedFailed  tests of the task that failed with it and the later tasks stubbed (all of them, for a good task)
     * @param solvedPassed   tests of the task that passed with only the later tasks stubbed (all of them, too)
     */
    public record Verdict(String task, int tests, int stubbedFailed, int solvedPassed) {
        /** Whether the task's tests grade it: some exist, all fail without its code and all pass with it. */
        public boolean holds() {
            return tests > 0 && stubbedFailed == tests && solvedPassed == tests;
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
     * Checks every task of {@code root} (a Git work tree) in exports under {@code work}; Maven's
     * output goes to {@code log}, a line per task to {@code progress}.
     */
    public static List<Verdict> run(Path root, Path work, Path log, Consumer<String> progress) throws IOException {
        List<String> tracked = StudentRepository.trackedFiles(root);
        Map<String, Set<String>> modules = testModules(root);
        List<String> tasks = List.copyOf(Grades.tasks(root).keySet());
        List<Verdict> verdicts = new ArrayList<>();
        Grades.Grade stubbed = null; // the previous task's grade with it stubbed
        Path edition = work.resolve("edition");
        for (int k = 0; k <= tasks.size(); k++) {
            int first = k;
            List<String> graded = tasks.subList(Math.max(0, k - 1), Math.min(tasks.size(), k + 1));
            Path export = work.resolve("from-" + (k < tasks.size() ? tasks.get(k) : "none"));
            StudentRepository.export(root, tracked, export, region -> tasks.indexOf(region.task()) >= first);
            updateFrom(export, edition);
            StudentRepository.removeTree(export);
            Set<String> testedIn = new TreeSet<>();
            graded.forEach(task -> testedIn.addAll(modules.getOrDefault(task, Set.of())));
            Maven.testTasks(edition, graded, testedIn, log);
            Map<String, Grades.Grade> grades = byTask(Grades.of(edition, Grades.tasks(edition))); // the solved task too
            if (k > 0) {
                Grades.Grade solved = grades.getOrDefault(tasks.get(k - 1), new Grades.Grade(tasks.get(k - 1), "", 0, 0));
                Verdict verdict = new Verdict(solved.task(), solved.tests(), stubbed.tests() - stubbed.passed(), solved.passed());
                verdicts.add(verdict);
                progress.accept(String.format("%s: %d of %d tests fail without its code, %d pass with it%s", verdict.task(), verdict.stubbedFailed(),
                        verdict.tests(), verdict.solvedPassed(), verdict.holds() ? "" : "  <-- does not grade the task"));
            }
            if (k < tasks.size()) {
                stubbed = grades.getOrDefault(tasks.get(k), new Grades.Grade(tasks.get(k), "", 0, 0));
            }
        }
        StudentRepository.removeTree(edition);
        return List.copyOf(verdicts);
    }

    /**
     * Makes {@code edition} hold {@code export}'s files, rewriting only those that differ, and
     * drops the previous run's results. One export differs from the next in a task's regions
     * only, so Maven, which builds in the edition every time, recompiles the modules those
     * touch and the ones after them, and finds the rest up to date (a fresh folder per export
     * compiled every module every time: 70 tasks took 18 minutes).
     */
    private static void updateFrom(Path export, Path edition) throws IOException {
        try (Stream<Path> paths = Files.walk(export)) {
            for (Path source : paths.filter(Files::isRegularFile).toList()) {
                Path target = edition.resolve(export.relativize(source).toString());
                if (!Files.exists(target) || Files.mismatch(source, target) != -1) {
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (Stream<Path> modules = Files.list(edition)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                Files.deleteIfExists(module.resolve(Grades.RESULTS)); // its test listener appends
            }
        }
    }

    private static Map<String, Grades.Grade> byTask(List<Grades.Grade> grades) {
        Map<String, Grades.Grade> byTask = new TreeMap<>(SolutionRegion.BY_NUMBER);
        grades.forEach(grade -> byTask.put(grade.task(), grade));
        return byTask;
    }
}
