package dev.masquerade.cli;

import picocli.CommandLine.Command;

/** {@code masquerade faceswap}: train a face-swap autoencoder, or apply one. */
@Command(mixinStandardHelpOptions = true, name = "faceswap", description = "The face swap: find and align the faces of a video or pictures (faceswap extract), sort them (faceswap sort), train a"
                + " face-swap autoencoder (faceswap train), put swapped faces back into every frame (faceswap convert); or swap a folder of"
                + " crops (faceswap swap), cut one crop by hand (faceswap crop).",
        subcommands = {FaceswapExtractCommand.class, FaceswapSortCommand.class, FaceswapConvertCommand.class, FaceswapTrainCommand.class, FaceswapSwapCommand.class, FaceswapCropCommand.class})
final class FaceswapCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
