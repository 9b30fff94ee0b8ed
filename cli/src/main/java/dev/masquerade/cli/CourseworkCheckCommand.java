package dev.masquerade.cli;

import dev.masquerade.coursework.TaskCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code masquerade coursework check}: proves that each task's tests grade that task. */
@Command(mixinStandardHelpOptions = true, name = "check",
        description = "For every task: with only its solution stubbed, its tests must all fail; with the reference, all pass.")
final class CourseworkCheckCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--from", defaultValue = ".", paramLabel = "DIR", description = "The reference repository, a Git clone (default: the current folder).")
    private Path from;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        Path log = from.resolve("target/coursework-check.log");
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log); // this run's output only
        Path work = Files.createTempDirectory("coursework-check");
        out.printf("checking every task in the order of their numbers (exports under %s; Maven's output in %s)%n", work, log);
        out.flush();
        List<TaskCheck.Verdict> verdicts = TaskCheck.run(from, work, log, line -> {
            out.println(line);
            out.flush();
        });
        Files.deleteIfExists(work);
        long failing = verdicts.stream().filter(v -> !v.holds()).count();
        if (failing > 0) {
            throw new IllegalStateException(Count.of(failing, "task") + " of " + verdicts.size() + " not graded by their tests (marked above)");
        }
        out.printf("every one of the %s is graded by its tests%n", Count.of(verdicts.size(), "task"));
        return 0;
    }
}
