package dev.masquerade.cli;

import picocli.CommandLine.Command;

/** {@code masquerade motion}: train the first-order motion model, or animate a still face with it. */
@Command(mixinStandardHelpOptions = true, name = "motion",
        description = "Animate a still face with another face's motion (the first-order motion model): train it on synthetic talking"
                + " faces (motion train), or animate a picture with a driving clip (motion animate).",
        subcommands = {MotionTrainCommand.class, MotionAnimateCommand.class})
final class MotionCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
