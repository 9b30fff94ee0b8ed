package dev.masquerade.cli;

import picocli.CommandLine.Command;

/** {@code masquerade translate}: train an image-to-image translator (pix2pix, CycleGAN) or apply one. */
@Command(mixinStandardHelpOptions = true, name = "translate",
        description = "Image-to-image translation: train pix2pix, its L1-only U-Net or CycleGAN on a task (translate train), or translate"
                + " pictures with a trained one (translate apply), or draw runs side by side (translate compare).",
        subcommands = {TranslateTrainCommand.class, TranslateApplyCommand.class, TranslateCompareCommand.class})
final class TranslateCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
