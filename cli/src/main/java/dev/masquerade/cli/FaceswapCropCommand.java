package dev.masquerade.cli;

import dev.masquerade.autoencoder.FaceCrop;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code masquerade faceswap crop}: one square face crop out of a photo. */
@Command(mixinStandardHelpOptions = true, name = "crop", description = "Cut a square face crop out of a photo and scale it (for preparing face folders).")
final class FaceswapCropCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--image", required = true, paramLabel = "FILE", description = "The photo (PNG or JPEG).")
    private Path image;

    @Option(names = "--box", required = true, paramLabel = "LEFT,TOP,SIDE",
            description = "The square around the face, in the photo's pixels.")
    private String box;

    @Option(names = "--size", defaultValue = "64", description = "Side of the crop in pixels (default: ${DEFAULT-VALUE}).")
    private int size;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the crop: a .png, .jpg or .jpeg file, written in that format.")
    private Path out;

    @Override
    public Integer call() throws Exception {
        int[] square = parseBox(box);
        FaceCrop.crop(image, square[0], square[1], square[2], size, out);
        spec.commandLine().getOut().printf("wrote %s (%dx%d)%n", out, size, size);
        return 0;
    }

    private static int[] parseBox(String text) {
        String[] parts = text.split(",", -1);
        try {
            if (parts.length == 3) {
                return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()), Integer.parseInt(parts[2].trim())};
            }
        } catch (NumberFormatException e) {
            // falls through to the one message for every malformed box
        }
        throw new IllegalArgumentException("--box needs three whole numbers, LEFT,TOP,SIDE (e.g. --box 120,80,200); got '" + text + "'");
    }
}
