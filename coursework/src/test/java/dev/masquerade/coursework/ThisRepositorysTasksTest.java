package dev.masquerade.coursework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The tasks of this repository itself: every solution region is well formed, and every task has
 * tests tagged with it (and every tag a task), so that each task the export stubs can be graded.
 */
class ThisRepositorysTasksTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern TAG = Pattern.compile("@Tag\\(\"(task-\\d+\\.\\d+)\"\\)");

    private static List<Path> testSources() throws IOException {
        try (Stream<Path> paths = Files.walk(ROOT)) {
            return paths.filter(p -> p.toString().contains("/src/test/") && !p.toString().contains("/target/"))
                    .filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void everyTaskHasItsTestsAndEveryTaggedTestItsTask() throws IOException {
        Set<String> tasks = new TreeSet<>(SolutionRegion.BY_NUMBER);
        for (List<SolutionRegion> regions : SolutionRegion.inRepository(ROOT).values()) {
            for (SolutionRegion region : regions) {
                tasks.add(region.task());
                assertTrue(Files.exists(ROOT.resolve(region.tutorial())), region.task() + " points at " + region.tutorial() + ", which does not exist");
            }
        }
        Set<String> tagged = new TreeSet<>(SolutionRegion.BY_NUMBER);
        for (Path test : testSources()) {
            Matcher tag = TAG.matcher(Files.readString(test));
            while (tag.find()) {
                tagged.add(tag.group(1));
            }
        }
        assertTrue(tasks.size() >= 8, "the tasks marked so far: " + tasks);
        assertEquals(tasks, tagged, "tasks (solution regions) and the tags of their tests");
    }
}
