package dev.masquerade.coursework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The tasks of this repository itself: every solution region is well formed, and every task has
 * tests tagged with it (and every tag a task), so that each task the export stubs can be graded.
 */
class ThisRepositorysTasksTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyTaskHasItsTestsAndEveryTaggedTestItsTask() throws IOException {
        Set<String> tasks = new TreeSet<>(SolutionRegion.BY_NUMBER);
        for (List<SolutionRegion> regions : SolutionRegion.inRepository(ROOT).values()) {
            for (SolutionRegion region : regions) {
                tasks.add(region.task());
                assertTrue(Files.exists(ROOT.resolve(region.tutorial())), region.task() + " points at " + region.tutorial() + ", which does not exist");
            }
        }
        Set<String> tagged = TaskCheck.testModules(ROOT).keySet();
        assertTrue(tasks.size() >= 30, "at least 30 tasks: " + tasks);
        assertEquals(tasks, tagged, "tasks (solution regions) and the tags of their tests");
    }

    @Test
    void theInstructorsGuideCountsTheTasksOfEachAssignment() throws IOException {
        Map<Integer, Integer> counted = new TreeMap<>();
        Grades.tasks(ROOT).keySet().forEach(task -> counted.merge(Integer.parseInt(task.substring(5).split("\\.")[0]), 1, Integer::sum));
        Map<Integer, Integer> stated = new TreeMap<>();
        Matcher row = Pattern.compile("(?m)^\\| (\\d+) [^|]+\\| (\\d+) \\|").matcher(Files.readString(ROOT.resolve("docs/teaching.md")));
        while (row.find()) {
            stated.put(Integer.parseInt(row.group(1)), Integer.parseInt(row.group(2)));
        }
        assertEquals(counted, stated, "tasks per assignment in the sources and in docs/teaching.md's table");
        String total = counted.values().stream().mapToInt(Integer::intValue).sum() + " tasks in " + counted.size() + " assignments";
        assertTrue(Files.readString(ROOT.resolve("docs/teaching.md")).contains(total), "docs/teaching.md says '" + total + "'");
        assertTrue(Files.readString(ROOT.resolve("README.md")).contains(total), "README.md says '" + total + "'");
    }
}
