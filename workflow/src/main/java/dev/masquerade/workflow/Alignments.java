package dev.masquerade.workflow;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.masquerade.autoencoder.FaceSet;
import dev.masquerade.faces.Box;
import dev.masquerade.faces.SimilarityTransform;
import dev.masquerade.nn.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code alignments.json}, what {@code extract} found and {@code convert} pastes back by: the
 * source it came from, the crops' size, and for every frame (with or without a face) each face's
 * box, score, 68 landmarks and descriptor in the frame's pixels, the similarity transform that
 * cuts its aligned crop out of the frame ({@code [a, b, tx, ty]}, see {@link SimilarityTransform}),
 * and the crop's file name.
 */
public record Alignments(Source source, Crop crop, List<FrameFaces> frames) {
    private static final ObjectMapper JSON = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT).enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** The file's name in an extraction folder. */
    public static final String FILE = "alignments.json";

    /**
     * What was extracted from.
     *
     * @param file      its file name
     * @param video     whether it is a video (else pictures)
     * @param width     a video's width (0 for pictures)
     * @param height    a video's height (0 for pictures)
     * @param frameRate a video's frame rate as ffmpeg writes it (null for pictures)
     * @param frames    how many frames or pictures it has
     */
    public record Source(String file, boolean video, int width, int height, String frameRate, int frames) {
    }

    /** The aligned crops: side in pixels, and how much of it the face template spans ({@link dev.masquerade.faces.FaceAligner}). */
    public record Crop(int size, double coverage) {
    }

    /** One frame (its index and name, see {@link Frames.Frame}) and the faces kept in it. */
    public record FrameFaces(int index, String name, List<FaceEntry> faces) {
    }

    /** One face: its crop's file, and where it is in the frame. */
    public record FaceEntry(String crop, double[] box, double score, double[][] landmarks, double[] transform, float[] descriptor) {
        /** The transform from the frame's pixels to the crop's. */
        public SimilarityTransform toCrop() {
            return new SimilarityTransform(transform[0], transform[1], transform[2], transform[3]);
        }

        /** The detector's box. */
        public Box detectorBox() {
            return new Box(box[0], box[1], box[2], box[3]);
        }

        /** The landmarks in the crop's pixels. */
        public double[][] cropLandmarks() {
            SimilarityTransform t = toCrop();
            double[][] out = new double[landmarks.length][];
            for (int i = 0; i < landmarks.length; i++) {
                out[i] = t.apply(landmarks[i]);
            }
            return out;
        }
    }

    /** The file in {@code path}; a file that is not one is one clear line. */
    public static Alignments read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IOException(path + ": no such alignments file (masquerade faceswap extract writes one into its --out)");
        }
        try {
            Alignments read = JSON.readValue(path.toFile(), Alignments.class);
            if (read.source == null || read.crop == null || read.frames == null) {
                throw new IOException("it lacks source, crop or frames");
            }
            return read;
        } catch (IOException e) {
            throw new IOException(path + " is not an alignments file of masquerade faceswap extract (" + e.getMessage().lines().findFirst().orElse("")
                    + "); extract again", e);
        }
    }

    /** Writes the file atomically. */
    public void write(Path path) throws IOException {
        AtomicFiles.write(path, JSON.writeValueAsString(this) + "\n");
    }

    /**
     * Writes {@link FaceSet#LANDMARKS} into {@code folder}: each face's landmarks in its crop's
     * pixels, under the crop file name {@code name} gives it.
     */
    public void writeCropLandmarks(Path folder, java.util.function.Function<FaceEntry, String> name) throws IOException {
        Map<String, double[][]> landmarks = new LinkedHashMap<>();
        for (FrameFaces frame : frames) {
            for (FaceEntry face : frame.faces()) {
                landmarks.put(name.apply(face), face.cropLandmarks());
            }
        }
        FaceSet.writeLandmarks(folder, crop.size(), landmarks);
    }

    /**
     * The same alignments without the faces whose crop is no longer in {@code folder} (a user
     * deleted it after sorting, to keep that face from being swapped); frames stay, some with
     * no face.
     */
    public Alignments withCropsIn(Path folder) {
        List<FrameFaces> kept = frames.stream().map(f -> new FrameFaces(f.index(), f.name(),
                f.faces().stream().filter(face -> Files.exists(folder.resolve(face.crop()))).toList())).toList();
        return new Alignments(source, crop, kept);
    }

    /** How many faces in all. */
    public int faceCount() {
        return frames.stream().mapToInt(f -> f.faces().size()).sum();
    }

    /**
     * Checks that these alignments were extracted from {@code frames} (read from {@code input}):
     * the same number of frames, and for a video the same size. Refuses with one line otherwise,
     * since faces pasted by another video's transforms would land anywhere.
     */
    public void checkBelongsTo(Frames frames, Path input) throws IOException {
        Ffmpeg.VideoInfo video = frames.video();
        boolean same = frames.count() == source.frames() && (video != null) == source.video()
                && (video == null || video.width() == source.width() && video.height() == source.height());
        if (!same) {
            String theirs = source.video() ? "a " + source.width() + "x" + source.height() + " video of " + source.frames() + " frames"
                    : source.frames() + " pictures";
            String ours = video != null ? "a " + video.width() + "x" + video.height() + " video of " + frames.count() + " frames"
                    : frames.count() + " pictures";
            throw new IOException("these alignments belong to " + source.file() + " (" + theirs + "), not to " + input.getFileName()
                    + " (" + ours + "); give the --alignments that extract wrote for " + input.getFileName());
        }
    }
}
