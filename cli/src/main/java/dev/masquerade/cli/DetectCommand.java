package dev.masquerade.cli;

import picocli.CommandLine.Command;

/** {@code masquerade detect}: train a detector of generated pictures, score pictures with one, judge it elsewhere, draw spectra. */
@Command(mixinStandardHelpOptions = true, name = "detect",
        description = "Spot generated pictures: train a detector on real and fake pictures (detect train), give the probability"
                + " that pictures are fake (detect score), judge one on other generators and degraded pictures (detect evaluate), or draw"
                + " the mean spectra of several sources (detect spectra).",
        subcommands = {DetectTrainCommand.class, DetectScoreCommand.class, DetectEvaluateCommand.class, DetectSpectraCommand.class})
final class DetectCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
