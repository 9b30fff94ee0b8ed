package dev.masquerade.cli;

import dev.masquerade.autoencoder.FaceSwapModel;
import dev.masquerade.autoencoder.FaceSwapper;
import dev.masquerade.autoencoder.augment.ColourMatch;
import dev.masquerade.engine.array.Device;
import dev.masquerade.workflow.Alignments;
import dev.masquerade.workflow.Converter;
import dev.masquerade.workflow.IdentityProbe;
import dev.masquerade.workflow.LandmarkMask;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code masquerade faceswap convert}: a video or folder with the faces of its alignments swapped and put back. */
@Command(mixinStandardHelpOptions = true, name = "convert",
        description = "Swap the faces that an alignments.json names in every frame of a video (or folder of pictures) and blend them back:"
                + " colour-corrected inside the landmark mask, through the mask eroded and feathered. Writes an MP4 (ffmpeg, the source's"
                + " frame rate) or a folder of PNGs, and a convert.json with times and seam measures beside it.")
final class FaceswapConvertCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--checkpoint", required = true, paramLabel = "FILE", description = "checkpoint.json of a face-swap run.")
    private Path checkpoint;

    @Option(names = "--input", required = true, paramLabel = "VIDEO|FOLDER", description = "The video or pictures the faces were extracted from.")
    private Path input;

    @Option(names = "--alignments", required = true, paramLabel = "FILE",
            description = "alignments.json of extract (or of a sort folder): the faces to swap.")
    private Path alignments;

    @Option(names = "--out", required = true, paramLabel = "OUT.mp4|DIR", description = "A new MP4 file, or a new or empty folder for PNG frames.")
    private Path out;

    @Option(names = "--to", defaultValue = "b", description = "The identity the faces become, a or b (default: ${DEFAULT-VALUE}).")
    private String to;

    @Option(names = "--blend", defaultValue = "feather",
            description = "paste (the hard mask), feather, or seamless (Poisson cloning, then feather) (default: ${DEFAULT-VALUE}).")
    private String blend;

    @Option(names = "--erode", defaultValue = "3", description = "Pixels of the crop the mask shrinks by (default: ${DEFAULT-VALUE}).")
    private int erode;

    @Option(names = "--feather", defaultValue = "6", description = "Pixels of the crop over which the mask fades (default: ${DEFAULT-VALUE}).")
    private int feather;

    @Option(names = "--colour", defaultValue = "reinhard",
            description = "Colour correction inside the mask: none, mean or reinhard (Lab; default: ${DEFAULT-VALUE}).")
    private String colour;

    @Option(names = "--mask", defaultValue = "extended", description = "components or extended (with the forehead; default: ${DEFAULT-VALUE}).")
    private String mask;

    @Option(names = "--smooth", defaultValue = "1", paramLabel = "FRAMES",
            description = "Average each face's landmarks over this many frames (odd; default: ${DEFAULT-VALUE}, none), against jitter.")
    private int smooth;

    @Option(names = "--screening", defaultValue = "0.1",
            description = "For --blend seamless: pull towards the swapped face's own colours, 0 for Poisson cloning proper (default: ${DEFAULT-VALUE}).")
    private double screening;

    @Option(names = "--measure-identity", paramLabel = "B_ALIGNMENTS",
            description = "alignments.json of B's faces: report each converted face's descriptor distance to A's faces (--alignments) and B's,"
                    + " before and after the swap (loads face-api's networks).")
    private Path measureIdentity;

    @Mixin
    private FaceModelsFolderOption models;

    @Override
    public Integer call() throws Exception {
        FaceSwapModel.Side side = FaceSwapModel.Side.parse(to);
        Converter.Options options = new Converter.Options(side, Converter.Blend.parse(blend), erode, feather, ColourMatch.Method.parse(colour),
                LandmarkMask.Kind.parse(mask), smooth, screening);
        Alignments named = Alignments.read(alignments);
        // a face whose crop was deleted from the alignments' folder (after sort, say) is left as it is
        Alignments faces = named.withCropsIn(alignments.toAbsolutePath().getParent());
        PrintWriter log = spec.commandLine().getOut();
        if (faces.faceCount() == 0 && named.faceCount() > 0) {
            throw new IllegalArgumentException("none of the " + named.faceCount() + " crops that " + alignments + " names is beside it; convert"
                    + " swaps the faces whose crops are there (delete a crop to keep its face as it is), so keep them with their alignments.json");
        }
        if (faces.faceCount() < named.faceCount()) {
            log.printf("convert: %d of the %d faces in %s have no crop beside it (deleted) and stay as they are%n",
                    named.faceCount() - faces.faceCount(), named.faceCount(), alignments.getFileName());
        }
        Alignments facesOfB = measureIdentity == null ? null : Alignments.read(measureIdentity);
        Device device = Device.defaultDevice();
        FaceSwapModel model = FaceSwapper.load(checkpoint, device);
        IdentityProbe probe = facesOfB == null ? null : IdentityProbe.of(models.load(log), faces, facesOfB);
        Map<String, Object> summary = new Converter(model, options, device, probe).convert(input, faces, out, log);
        log.printf(Locale.ROOT, "%d faces swapped in %d of %d frames (%.1f s, %.2f s a frame); seam %.2f, edge added %.2f, colour step %+.1f; wrote %s%n",
                (Integer) summary.get("faces_swapped"), (Integer) summary.get("frames_swapped"), (Integer) summary.get("frames"),
                (Double) summary.get("seconds"), (Double) summary.get("seconds_per_frame"), number(summary.get("seam")), number(summary.get("edge_added")),
                number(summary.get("colour_step")), out);
        if (probe != null) {
            log.printf(Locale.ROOT, "identity: the faces lay %.3f from A and %.3f from B before the swap, %.3f from A and %.3f from B after it%n",
                    number(summary.get("original_distance_to_a")), number(summary.get("original_distance_to_b")),
                    number(summary.get("distance_to_a")), number(summary.get("distance_to_b")));
        }
        return 0;
    }

    private static double number(Object value) {
        return value == null ? Double.NaN : (Double) value;
    }
}
