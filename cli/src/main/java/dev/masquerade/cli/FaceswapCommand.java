package dev.masquerade.cli;

import picocli.CommandLine.Command;

/** {@code masquerade faceswap}: train a face-swap autoencoder, or apply one. */
@Command(mixinStandardHelpOptions = true, name = "faceswap", description = "Train a face-swap autoencoder (faceswap train), swap faces with one (faceswap swap), or cut face crops (faceswap crop).",
        subcommands = {FaceswapExtractCommand.class, FaceswapSortCommand.class, FaceswapConvertCommand.class, FaceswapTrainCommand.class, FaceswapSwapCommand.class, FaceswapCropCommand.class})
final class FaceswapCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
