package dev.masquerade.coursework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The points of each task, from the results its tagged tests left in each module's
 * {@value #RESULTS} (the engine's test listener writes them). A task earns its points in the
 * share of its tests that passed; a task whose tests never ran (its module did not compile,
 * say) earns none, and says so.
 */
public final class Grades {
    /** Where a module's test run leaves its results, relative to the module. */
    public static final String RESULTS = "target/coursework-results.jsonl";

    /** The points a task is worth. */
    public static final int POINTS_PER_TASK = 10;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern GROUPS = java.util.regex.Pattern.compile("<groups>\\s*(task-[^<]*?)\\s*</groups>");

    private Grades() {
    }

    /** One task's grade: how many of its tests ran and passed, and the points that makes. */
    public record Grade(String task, String statement, int tests, int passed) {
        /** Points earned: the task's points in the share of its tests that passed. */
        public double points() {
            return tests == 0 ? 0 : (double) POINTS_PER_TASK * passed / tests;
        }
    }

    /** The tasks a repository holds, by the BEGIN lines of its sources (the student edition keeps them). */
    public static Map<String, String> tasks(Path repository) throws IOException {
        Map<String, String> tasks = new TreeMap<>(SolutionRegion.BY_NUMBER);
        for (List<SolutionRegion> regions : SolutionRegion.inRepository(repository).values()) {
            regions.forEach(region -> tasks.putIfAbsent(region.task(), region.statement()));
        }
        return tasks;
    }

    /**
     * The tasks to grade: in a student edition the ones handed out, which the export lists in
     * the root pom's {@code groups} property (earlier assignments come solved and earn nothing);
     * in the reference, every task.
     */
    public static Map<String, String> handedOut(Path repository) throws IOException {
        Map<String, String> tasks = tasks(repository);
        Path pom = repository.resolve("pom.xml");
        java.util.regex.Matcher groups = GROUPS.matcher(Files.exists(pom) ? Files.readString(pom) : "");
        if (groups.find()) {
            List<String> listed = List.of(groups.group(1).split("\\s*\\|\\s*"));
            tasks.keySet().retainAll(listed);
        }
        return tasks;
    }

    /** Removes the results of an earlier run, so that a test that no longer runs cannot count. */
    public static void clear(Path repository) throws IOException {
        for (Path results : results(repository)) {
            Files.delete(results);
        }
    }

    /** The grade of every task handed out ({@link #handedOut}) from the results found in the repository's modules. */
    public static List<Grade> of(Path repository) throws IOException {
        return of(repository, handedOut(repository));
    }

    /** The grades of the given tasks (id to statement) from the results found in the repository's modules. */
    public static List<Grade> of(Path repository, Map<String, String> tasks) throws IOException {
        Map<String, int[]> counts = new LinkedHashMap<>(); // task -> {tests, passed}
        for (Path results : results(repository)) {
            for (String line : Files.readAllLines(results)) {
                JsonNode record = JSON.readTree(line);
                for (JsonNode task : record.get("tasks")) {
                    int[] count = counts.computeIfAbsent(task.asText(), t -> new int[2]);
                    count[0]++;
                    count[1] += record.get("passed").asBoolean() ? 1 : 0;
                }
            }
        }
        List<Grade> grades = new ArrayList<>();
        for (Map.Entry<String, String> task : tasks.entrySet()) {
            int[] count = counts.getOrDefault(task.getKey(), new int[2]);
            grades.add(new Grade(task.getKey(), task.getValue(), count[0], count[1]));
        }
        return grades;
    }

    /** The results files of the repository's modules ({@code module/target/...}, one level down). */
    private static List<Path> results(Path root) throws IOException {
        try (Stream<Path> modules = Files.list(root)) {
            return modules.map(module -> module.resolve(RESULTS)).filter(Files::isRegularFile).toList();
        }
    }
}
