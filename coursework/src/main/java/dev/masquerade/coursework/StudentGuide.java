package dev.masquerade.coursework;

import java.util.List;

/**
 * The README of a student edition: how to work on a task (its statement, its chapter, its
 * tests), how to see one's points, and the tasks handed out, assignment by assignment. The
 * reference README moves to {@value #ENGINE_README}, since its quick start needs every task done.
 */
public final class StudentGuide {
    /** Where the export keeps the reference README. */
    public static final String ENGINE_README = "ENGINE.md";

    private StudentGuide() {
    }

    /** The README for the given tasks (in the order of their numbers). */
    public static String readme(List<HandedOutTask> tasks) {
        HandedOutTask first = tasks.get(0);
        StringBuilder text = new StringBuilder();
        text.append("""
                # Masquerade coursework

                This is Masquerade, a deep-learning engine in Java, with parts of it left for you to write.
                Each part is a *task*: in the source, between `// BEGIN SOLUTION task-A.N` and
                `// END SOLUTION`, a line throws `UnsupportedOperationException` (in an OpenCL kernel, a
                comment stands there) and says what to write and which tutorial chapter derives it. Replace
                that line with your code; keep the two marker lines. Everything else is complete, and
                [ENGINE.md](ENGINE.md) describes it. The tasks handed out are listed at the end; tasks of
                earlier assignments, if any, come solved.

                ## Working on a task

                You need JDK 17 and Maven. Build once, then run one task's tests while you work on it
                (here the first task, %s):

                ```
                mvn -B -q install -DskipTests
                %s
                ```

                With `-q` Maven prints only a few warnings (the Vector API's incubator notice, SLF4J) when
                every test passes, and the failures otherwise; leave it out to see each test by name. The table below gives each task's module (`-pl`). A failing test names what it
                expected; the tests are specifications, so read them too (search the tests for
                `@Tag("%s")`).

                Work in the order of the numbers: a task's tests may use the tasks before it, never one
                after it, so the next task can always be made to pass (`masquerade coursework check`
                proved this for every task before you got it).

                ## Your points

                ```
                ./masquerade coursework grade
                ```

                runs the tests of every task handed out, never stopping at a failure, and prints the points
                of each (10 for a task, in the share of its tests that pass) and the total; `--json FILE`
                writes them for a grader. `mvn -B verify -Dmaven.test.failure.ignore=true` runs the same
                tests in Maven's words, module by module (without the flag Maven stops at the first module
                with a failing test, and `-fae` still skips the modules that depend on it). Task 3.2 runs on OpenCL: on a machine without a
                GPU, install PoCL (`sudo apt-get install pocl-opencl-icd`); task 4.5 trains on Fashion-MNIST
                (`sudo apt-get install dataset-fashion-mnist`).

                If your course uses GitHub Classroom, every push runs `.github/workflows/classroom.yml`: one
                step per task, worth its 10 points only when all of its tests pass (the local grade above
                gives partial credit), with PoCL and Fashion-MNIST installed and required.

                ## The tasks
                """.formatted(first.number(), first.testCommand(), first.task()));
        int assignment = -1;
        for (HandedOutTask task : tasks) {
            if (task.assignment() != assignment) {
                assignment = task.assignment();
                text.append("\n### Assignment ").append(assignment).append("\n\n| task | what to write | where | module | chapter |\n|---|---|---|---|---|\n");
            }
            text.append("| ").append(task.number()).append(" | ").append(task.statement().replace("|", "\\|")).append(" | ")
                    .append(String.join(", ", task.files().stream().map(f -> "`" + f.substring(f.lastIndexOf('/') + 1) + "`").toList()))
                    .append(" | ").append(String.join(", ", task.modules())).append(" | [")
                    .append(task.tutorial().substring(task.tutorial().lastIndexOf('/') + 1)).append("](").append(task.tutorial()).append(") |\n");
        }
        return text.toString();
    }
}
