package dev.masquerade.cli;

import picocli.CommandLine.Command;

/** {@code masquerade coursework}: the student edition of this repository, for courses. */
@Command(mixinStandardHelpOptions = true, name = "coursework",
        description = "Hand out the engine as coursework: export the student repository (coursework export), grade one (coursework grade), prove each task graded by its tests (coursework check).",
        subcommands = {CourseworkExportCommand.class, CourseworkGradeCommand.class, CourseworkCheckCommand.class})
final class CourseworkCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
