package dev.masquerade.cli;

import picocli.CommandLine.Command;

/** {@code masquerade gan}: train a GAN, or draw samples from a trained one. */
@Command(mixinStandardHelpOptions = true, name = "gan", description = "Train a GAN on Fashion-MNIST or the 2-d ring (gan train), draw samples from one (gan sample), compare runs (gan compare),"
                + " or score samples from anywhere with the same judge (gan score).",
        subcommands = {GanTrainCommand.class, GanSampleCommand.class, GanCompareCommand.class, GanScoreCommand.class})
final class GanCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
