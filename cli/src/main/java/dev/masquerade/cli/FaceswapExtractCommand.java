package dev.masquerade.cli;

import dev.masquerade.faces.FaceAnalyzer;
import dev.masquerade.workflow.Alignments;
import dev.masquerade.workflow.Extractor;
import dev.masquerade.workflow.LandmarkMask;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code masquerade faceswap extract}: aligned face crops, their masks and alignments.json from a video, a picture or a folder. */
@Command(mixinStandardHelpOptions = true, name = "extract",
        description = "Find, align and cut out every face of a video (through ffmpeg), a picture or a folder of pictures: writes DIR/FRAME_K.png"
                + " crops, their masks (DIR/masks, DIR/features), DIR/alignments.json (what convert pastes back by) and DIR/extract.json.")
final class FaceswapExtractCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "VIDEO|IMAGE|FOLDER", description = "A video ffmpeg reads, a picture, or a folder of pictures.")
    private Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "A new or empty folder for the crops.")
    private Path out;

    @Option(names = "--size", defaultValue = "128", description = "Side of the aligned crops in pixels: 64, 128 or 256 (default: ${DEFAULT-VALUE}).")
    private int size;

    @Option(names = "--every", defaultValue = "1", paramLabel = "N", description = "Look at every Nth frame only (default: ${DEFAULT-VALUE}, all).")
    private int every;

    @Option(names = "--coverage", defaultValue = "0.75",
            description = "How much of the crop the face's template spans, in (0, 1]: 1 is ArcFace's tight crop (default: ${DEFAULT-VALUE}).")
    private double coverage;

    @Option(names = "--mask", defaultValue = "extended", description = "The face mask written: components or extended (with the forehead; default: ${DEFAULT-VALUE}).")
    private String mask;

    @Option(names = "--identity", paramLabel = "IMAGE", description = "Keep only faces of the person in this picture (its largest face).")
    private Path identity;

    @Option(names = "--threshold", defaultValue = "0.6",
            description = "Descriptor distance under which a face is the --identity person (default: ${DEFAULT-VALUE}, face-api's).")
    private double threshold;

    @Option(names = "--smooth", defaultValue = "5", paramLabel = "FRAMES",
            description = "Odd window of frames for extract.json's smoothed jitter (default: ${DEFAULT-VALUE}).")
    private int smooth;

    @Mixin
    private FaceModelsOption models;

    @Override
    public Integer call() throws Exception {
        if (size != 64 && size != 128 && size != 256) {
            throw new IllegalArgumentException("--size must be 64, 128 or 256 (the face swap's sizes), got " + size);
        }
        Extractor.Options options = new Extractor.Options(size, every, coverage, LandmarkMask.Kind.parse(mask), models.score(), null,
                threshold, smooth);
        if (!Files.exists(input)) {
            throw new IOException(input + ": no such video, picture or folder");
        }
        PrintWriter log = spec.commandLine().getOut();
        FaceAnalyzer analyzer = models.load(log);
        float[] reference = identity == null ? null : Extractor.referenceDescriptor(analyzer, identity, models.score());
        options = options.withIdentity(reference);
        Map<String, Object> summary = new Extractor(analyzer, options).extract(input, out, log);
        Object jitter = summary.get("jitter_px"), smoothed = summary.get("jitter_px_smoothed");
        String jitterText = jitter == null ? "no face followed from frame to frame, so no jitter"
                : String.format(Locale.ROOT, "landmark jitter %.2f px, %.2f px smoothed over %d frames", (Double) jitter, (Double) smoothed, smooth);
        log.printf(Locale.ROOT, "%d faces in %d of %d frames (%.1f s, %.2f s a frame); %s; wrote %s and %s%n", (Integer) summary.get("faces"),
                (Integer) summary.get("frames_with_face"), (Integer) summary.get("frames"), (Double) summary.get("seconds"),
                (Double) summary.get("seconds_per_frame"), jitterText, out.resolve(Alignments.FILE), out.resolve(Extractor.SUMMARY));
        if ((Integer) summary.get("faces") == 0) {
            spec.commandLine().getErr().printf("masquerade: no face found in %s%s; try a lower --score, or pictures where faces are larger%n", input,
                    reference == null ? "" : " within --threshold " + threshold + " of --identity " + identity.getFileName());
            return 1;
        }
        return 0;
    }
}
