package dev.masquerade.cli;

import picocli.CommandLine.Command;

/** {@code masquerade detect}: train a detector of generated pictures, or score pictures with one. */
@Command(mixinStandardHelpOptions = true, name = "detect",
        description = "Spot generated pictures: train a detector on real and fake pictures (detect train), or give the probability"
                + " that pictures are fake (detect score).",
        subcommands = {DetectTrainCommand.class, DetectScoreCommand.class})
final class DetectCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
