package dev.masquerade.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.masquerade.coursework.Grades;
import dev.masquerade.coursework.Maven;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code masquerade coursework grade}: runs the tests of every task (Maven, on every module,
 * never stopping at the first failure) and reports the points each task earned.
 */
@Command(mixinStandardHelpOptions = true, name = "grade",
        description = "Run every task's tests in a (student) repository and report the points per task.")
final class CourseworkGradeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--dir", defaultValue = ".", paramLabel = "DIR", description = "The repository to grade (default: the current folder).")
    private Path dir;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the grades as JSON.")
    private Path json;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(dir.resolve("pom.xml"))) {
            throw new IllegalArgumentException("--dir " + dir + " holds no pom.xml; name the root of the repository to grade");
        }
        Map<String, String> tasks = Grades.handedOut(dir);
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException(dir + " holds no tasks (no '// BEGIN SOLUTION task-A.N' line in its sources)");
        }
        var out = spec.commandLine().getOut();
        Path log = dir.resolve("target/coursework-grade.log");
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log); // this run's output only
        out.printf("running the tests of %s (Maven's output in %s) ...%n", Count.of(tasks.size(), "task"), log);
        out.flush();
        Grades.clear(dir);
        int exit = Maven.testTasks(dir, tasks.keySet(), Set.of(), log);
        List<Grades.Grade> grades = Grades.of(dir);
        double total = 0;
        out.printf("%-10s %7s  %6s  %s%n", "task", "passed", "points", "statement");
        for (Grades.Grade grade : grades) {
            String passed = grade.tests() == 0 ? "no test" : grade.passed() + "/" + grade.tests();
            out.printf("%-10s %7s  %6.1f  %s%n", grade.task(), passed, grade.points(), grade.statement());
            total += grade.points();
        }
        out.printf("total %.1f of %d points%s%n", total, grades.size() * Grades.POINTS_PER_TASK,
                exit == 0 ? "" : " (Maven failed: a module did not compile or its tests could not run; see the log)");
        if (json != null) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("total", total);
            report.put("of", grades.size() * Grades.POINTS_PER_TASK);
            report.put("tasks", grades.stream().map(g -> Map.of("task", g.task(), "tests", g.tests(), "passed", g.passed(),
                    "points", g.points())).toList());
            Files.write(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(report));
        }
        return 0;
    }

}
