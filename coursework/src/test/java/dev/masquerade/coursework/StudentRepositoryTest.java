package dev.masquerade.coursework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exporting a reference repository in miniature: what is stubbed, what is copied, what counts as a leak. */
class StudentRepositoryTest {
    @TempDir
    Path work;

    private Path reference() throws IOException {
        Path root = work.resolve("reference");
        write(root, "engine/src/main/java/Exp.java", String.join("\n", "class Exp {", "    Tensor exp(Tensor x) {",
                "        // BEGIN SOLUTION task-1.1: exp and its derivative (see tutorials/01-autograd.md)",
                "        return unary(\"exp\", UnaryOp.EXP, x, (in, y) -> y);", "        // END SOLUTION", "    }", "}", ""));
        write(root, "engine/src/main/java/Conv.java", String.join("\n", "class Conv {", "    Tensor conv(Tensor x) {",
                "        // BEGIN SOLUTION task-4.1: convolution by im2col (see tutorials/04-convolution.md)",
                "        return im2col(x).matmul(weights);", "        // END SOLUTION", "    }", "}", ""));
        write(root, "tutorials/01-autograd.md", "The rule: d eˣ = eˣ.\n");
        Files.write(root.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xFF});
        return root;
    }

    private static void write(Path root, String name, String text) throws IOException {
        Files.createDirectories(root.resolve(name).getParent());
        Files.writeString(root.resolve(name), text);
    }

    private static final List<String> FILES = List.of("engine/src/main/java/Exp.java", "engine/src/main/java/Conv.java", "tutorials/01-autograd.md", "logo.png");

    @Test
    void everyTaskIsStubbedAndEveryOtherFileCopied() throws IOException {
        Path root = reference(), out = work.resolve("student");
        StudentRepository.Exported exported = StudentRepository.export(root, FILES, out, StudentRepository.fromAssignment(0));
        assertEquals(Map.of("task-1.1", 1, "task-4.1", 1), exported.stubbedTasks());
        String exp = Files.readString(out.resolve("engine/src/main/java/Exp.java"));
        assertTrue(exp.contains("throw new UnsupportedOperationException(\"task 1.1: exp and its derivative"), exp);
        assertFalse(exp.contains("UnaryOp.EXP"), exp);
        assertEquals(Files.readString(root.resolve("tutorials/01-autograd.md")), Files.readString(out.resolve("tutorials/01-autograd.md")));
        assertEquals(List.of((byte) 0x89, (byte) 0xFF), List.of(Files.readAllBytes(out.resolve("logo.png"))[0], Files.readAllBytes(out.resolve("logo.png"))[5]));
    }

    @Test
    void theStudentsBuildRunsTheTasksTestsOnly() throws IOException {
        Path root = reference(), out = work.resolve("student");
        write(root, "pom.xml", "<project>\n  <artifactId>parent</artifactId>\n  <version>0.1.0-SNAPSHOT</version>\n  <properties>\n"
                + "    <java>17</java>\n  </properties>\n</project>\n");
        write(root, "engine/pom.xml", "<project>\n  <parent>\n    <artifactId>parent</artifactId>\n    <version>0.1.0-SNAPSHOT</version>\n  </parent>\n</project>\n");
        List<String> files = new java.util.ArrayList<>(FILES);
        files.addAll(List.of("pom.xml", "engine/pom.xml"));
        StudentRepository.export(root, files, out, StudentRepository.fromAssignment(0));
        String pom = Files.readString(out.resolve("pom.xml"));
        assertTrue(pom.contains("    <groups>task-1.1 | task-4.1</groups>\n  </properties>"), pom);
        // a version of its own: installing the student edition leaves the reference's modules in ~/.m2 alone
        assertTrue(pom.contains("<version>0.1.0-student-SNAPSHOT</version>"), pom);
        assertTrue(Files.readString(out.resolve("engine/pom.xml")).contains("<version>0.1.0-student-SNAPSHOT</version>"));
    }

    @Test
    void theStudentGetsAGuideToTheTasksAndClassroomGetsOneGradingStepPerTask() throws IOException {
        Path root = reference(), out = work.resolve("student");
        write(root, "README.md", "# Masquerade\n\n./masquerade demo\n");
        write(root, "engine/src/test/ExpTest.java", "class ExpTest {\n    @Tag(\"task-1.1\")\n    @Test\n    void exp() {}\n}\n");
        List<String> files = new java.util.ArrayList<>(FILES);
        files.addAll(List.of("README.md", "engine/src/test/ExpTest.java"));
        StudentRepository.export(root, files, out, StudentRepository.fromAssignment(0));
        assertEquals("# Masquerade\n\n./masquerade demo\n", Files.readString(out.resolve(StudentGuide.ENGINE_README)), "the reference README is kept");
        String readme = Files.readString(out.resolve("README.md"));
        assertTrue(readme.contains("### Assignment 1\n"), readme);
        assertTrue(readme.contains("| 1.1 | exp and its derivative | `Exp.java` | engine | [01-autograd.md](tutorials/01-autograd.md) |"), readme);
        assertTrue(readme.contains("| 4.1 | convolution by im2col | `Conv.java` |  | [04-convolution.md]"), "a task without tests has no module: " + readme);
        String workflow = Files.readString(out.resolve(ClassroomWorkflow.PATH));
        assertTrue(workflow.contains("""
                      - name: task 1.1
                        id: task-1-1
                        uses: classroom-resources/autograding-command-grader@v1
                        with:
                          test-name: task 1.1
                          command: mvn -B -q test -Dgroups=task-1.1 -Dsurefire.failIfNoSpecifiedTests=false -pl engine -Dopencl.required=true
                          timeout: 10
                          max-score: 10
                """), workflow);
        assertTrue(workflow.contains("          TASK-1-1_RESULTS: \"${{steps.task-1-1.outputs.result}}\"\n"), workflow);
        assertTrue(workflow.endsWith("          runners: task-1-1,task-4-1\n"), workflow);
    }

    @Test
    void aLaterAssignmentKeepsTheEarlierTasksSolvedAndGradesOnlyItsOwn() throws IOException {
        Path root = reference(), out = work.resolve("assignment-4");
        write(root, "pom.xml", "<project>\n  <artifactId>parent</artifactId>\n  <version>1</version>\n  <properties>\n  </properties>\n</project>\n");
        List<String> files = new java.util.ArrayList<>(FILES);
        files.addAll(List.of("pom.xml", ".ci/run"));
        write(root, ".ci/run", "mvn verify && masquerade coursework check\n");
        assertEquals(Map.of("task-4.1", 1), StudentRepository.export(root, files, out, StudentRepository.fromAssignment(4)).stubbedTasks());
        assertTrue(Files.readString(out.resolve("engine/src/main/java/Exp.java")).contains("UnaryOp.EXP"));
        assertEquals(List.of("task-1.1", "task-4.1"), List.copyOf(Grades.tasks(out).keySet()), "both regions keep their markers");
        assertEquals(List.of("task-4.1"), List.copyOf(Grades.handedOut(out).keySet()), "the solved task earns nothing");
        assertEquals(List.of(new Grades.Grade("task-4.1", "convolution by im2col", 0, 0)), Grades.of(out), "nor is it listed");
        assertTrue(Files.readString(out.resolve("README.md")).contains("(here the first task, 4.1)"));
        assertFalse(Files.exists(out.resolve(".ci/run")), "the reference's CI checks against the solutions: not exported");
    }

    @Test
    void aChaptersCodeBlockOfASolutionShowsTheStub() throws IOException {
        Path root = reference();
        write(root, "kernels/tiled.cl", String.join("\n", "__kernel void tiled() {", "    // snippet: loop",
                "    // BEGIN SOLUTION task-3.2: the tiled loop (see tutorials/19-matmul-ladder.md)", "    sum += a[k] * b[k];",
                "    // END SOLUTION", "    // end snippet", "    C[i] = sum;", "}", ""));
        String block = "<!-- snippet: kernels/tiled.cl#loop -->\n```c\n%s```\n";
        write(root, "tutorials/19-matmul-ladder.md", "The loop:\n" + block.formatted("sum += a[k] * b[k];\n"));
        List<String> files = List.of("kernels/tiled.cl", "tutorials/19-matmul-ladder.md");
        StudentRepository.export(root, files, work.resolve("student"), StudentRepository.fromAssignment(0));
        assertEquals("The loop:\n" + block.formatted("// task 3.2: the tiled loop (see tutorials/19-matmul-ladder.md)\n"),
                Files.readString(work.resolve("student/tutorials/19-matmul-ladder.md")));
    }

    @Test
    void aTutorialThatCopiesASolutionLineStopsTheExport() throws IOException {
        Path root = reference();
        write(root, "tutorials/04-convolution.md", "```java\nreturn im2col(x).matmul(weights);\n```\n");
        List<String> files = List.of("engine/src/main/java/Conv.java", "tutorials/04-convolution.md");
        IOException leak = assertThrows(IOException.class, () -> StudentRepository.export(root, files, work.resolve("leaky"), StudentRepository.fromAssignment(0)));
        assertTrue(leak.getMessage().contains("tutorials/04-convolution.md holds 'return im2col(x).matmul(weights);'"), leak.getMessage());
        assertFalse(Files.exists(work.resolve("leaky")), "no half-written export is left behind");
    }

    @Test
    void aSolutionLineInsideALongerLineElsewhereIsNoLeak() throws IOException {
        Path root = reference();
        write(root, "engine/Lists.java", "class Lists {\n    int[] all() {\n        return stream().map(x -> x).toArray();\n    }\n}\n");
        write(root, "engine/Axes.java", String.join("\n", "class Axes {", "    int[] axes() {",
                "        // BEGIN SOLUTION task-2.1: the axes (see tutorials/02-broadcasting.md)", "        return range(0, 4)",
                "                .toArray();", "        // END SOLUTION", "    }", "}", ""));
        List<String> files = List.of("engine/Lists.java", "engine/Axes.java");
        assertEquals(Map.of("task-2.1", 1), StudentRepository.export(root, files, work.resolve("out"), StudentRepository.fromAssignment(0)).stubbedTasks());
    }

    @Test
    void theStudentRepositoryNeedsAnEmptyFolder() throws IOException {
        Path root = reference();
        Path taken = Files.createDirectories(work.resolve("taken"));
        Files.writeString(taken.resolve("notes.txt"), "mine");
        IOException e = assertThrows(IOException.class, () -> StudentRepository.export(root, FILES, taken, StudentRepository.fromAssignment(0)));
        assertTrue(e.getMessage().contains("is not an empty folder"), e.getMessage());
    }
}
