package dev.masquerade.cli;

import dev.masquerade.autoencoder.FaceSwapModel;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code masquerade faceswap swap}: turns every face of a folder into the other person. */
@Command(mixinStandardHelpOptions = true, name = "swap", description = "Swap the faces of a folder with a trained model; writes one PNG per input.")
final class FaceswapSwapCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--checkpoint", required = true, paramLabel = "FILE", description = "checkpoint.json of a face-swap run.")
    private Path checkpoint;

    @Option(names = "--input", required = true, paramLabel = "DIR", description = "Aligned face crops to swap.")
    private Path input;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Where the swapped faces go.")
    private Path output;

    @Option(names = "--to", defaultValue = "b", description = "The identity to turn the faces into, a or b (default: ${DEFAULT-VALUE}).")
    private String to;

    @Override
    public Integer call() throws Exception {
        FaceSwapModel.Side side = FaceSwapModel.Side.parse(to);
        int written = dev.masquerade.autoencoder.FaceSwapper.swapFolder(checkpoint, input, output, side);
        spec.commandLine().getOut().printf("swapped %d faces to %s; wrote %s%n", written, side, output);
        return 0;
    }
}
