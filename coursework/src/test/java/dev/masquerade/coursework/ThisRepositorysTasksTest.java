package dev.masquerade.coursework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
        assertTrue(tasks.size() >= 8, "the tasks marked so far: " + tasks);
        assertEquals(tasks, tagged, "tasks (solution regions) and the tags of their tests");
    }
}
