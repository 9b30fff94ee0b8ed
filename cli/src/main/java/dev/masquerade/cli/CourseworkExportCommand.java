package dev.masquerade.cli;

import dev.masquerade.coursework.StudentRepository;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code masquerade coursework export}: writes the student repository, every handed-out task stubbed. */
@Command(mixinStandardHelpOptions = true, name = "export",
        description = "Write the student repository: this one with each task's solution replaced by a stub that states the task.")
final class CourseworkExportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "An empty or new folder for the student repository.")
    private Path out;

    @Option(names = "--assignment", defaultValue = "0", paramLabel = "N",
            description = "Hand out assignment N: its tasks and later ones are stubbed, earlier ones keep their solutions (default: ${DEFAULT-VALUE}, every task).")
    private int assignment;

    @Option(names = "--from", defaultValue = ".", paramLabel = "DIR", description = "The reference repository, a Git clone (default: the current folder).")
    private Path from;

    @Override
    public Integer call() throws Exception {
        if (assignment < 0) {
            throw new IllegalArgumentException("--assignment must be at least 0, got " + assignment);
        }
        StudentRepository.Exported exported = StudentRepository.export(from, StudentRepository.trackedFiles(from), out,
                StudentRepository.fromAssignment(assignment));
        var stdout = spec.commandLine().getOut();
        stdout.printf("wrote %s: %s, %s stubbed%n", out, Count.of(exported.files(), "file"), Count.of(exported.stubbedTasks().size(), "task"));
        for (Map.Entry<String, Integer> task : exported.stubbedTasks().entrySet()) {
            stdout.printf("  %s (%s)%n", task.getKey(), Count.of(task.getValue(), "region"));
        }
        stdout.printf("next: cd %s && git init (its README.md is the students' guide; docs/teaching.md, the instructor's)%n", out);
        return 0;
    }
}
