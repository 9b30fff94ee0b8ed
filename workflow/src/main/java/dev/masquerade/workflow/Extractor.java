package dev.masquerade.workflow;

import dev.masquerade.faces.Face;
import dev.masquerade.faces.FaceAligner;
import dev.masquerade.faces.FaceAnalyzer;
import dev.masquerade.faces.FaceRecognitionNet;
import dev.masquerade.faces.RgbImage;
import dev.masquerade.faces.SimilarityTransform;
import dev.masquerade.nn.io.AtomicFiles;
import dev.masquerade.workflow.Alignments.FaceEntry;
import dev.masquerade.workflow.Alignments.FrameFaces;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The extract stage: find every face in the frames of a video, a picture or a folder of
 * pictures ({@link FaceAnalyzer}), align each to the template ({@link FaceAligner}) and write
 * into an empty folder:
 * <ul>
 *   <li>one PNG crop per face, {@code FRAME_K.png} (K numbers the faces of a frame);</li>
 *   <li>its masks, {@code masks/FRAME_K.png} (the face, {@link LandmarkMask#face}) and
 *       {@code features/FRAME_K.png} (eyes and mouth), which face-swap training uses;</li>
 *   <li>{@code alignments.json} ({@link Alignments}), which {@code convert} pastes back by, and
 *       {@code landmarks.json}, each crop's landmarks in its pixels (for warp to landmarks);</li>
 *   <li>{@code extract.json}: frames, frames with a face, faces, seconds, and the landmark
 *       jitter ({@link FaceTracks}) without and with smoothing.</li>
 * </ul>
 */
public final class Extractor {
    /** The summary's file name. */
    public static final String SUMMARY = "extract.json";

    /**
     * How to extract.
     *
     * @param size      side of the aligned crops in pixels
     * @param every     examine every this many frames (1: all)
     * @param coverage  how much of the crop the face template spans ({@link FaceAligner})
     * @param mask      the kind of face mask written
     * @param score     the detector's threshold
     * @param identity  keep only faces within {@code threshold} of this descriptor (null: keep every face)
     * @param threshold the descriptor distance under which a face counts as {@code identity}
     * @param smoothing the window (frames) over which {@code extract.json}'s smoothed jitter averages landmarks
     */
    public record Options(int size, int every, double coverage, LandmarkMask.Kind mask, double score, float[] identity, double threshold,
                          int smoothing) {
        /** Checks the numbers. */
        public Options {
            if (size < 16 || size > 1024) {
                throw new IllegalArgumentException("--size must be from 16 to 1024 pixels, got " + size);
            }
            if (every < 1) {
                throw new IllegalArgumentException("--every must be at least 1 (every frame), got " + every);
            }
            if (smoothing < 1 || smoothing % 2 == 0) {
                throw new IllegalArgumentException("--smooth must be an odd number of frames (1, 3, 5, ...), got " + smoothing);
            }
            if (!(coverage > 0 && coverage <= 1)) {
                throw new IllegalArgumentException("--coverage must lie in (0, 1], got " + coverage);
            }
            if (!(threshold > 0 && threshold < 2)) {
                throw new IllegalArgumentException("--threshold is a descriptor distance, between 0 and 2 (face-api's is 0.6), got " + threshold);
            }
        }

        /** The same options keeping only the faces within the threshold of {@code descriptor}. */
        public Options withIdentity(float[] descriptor) {
            return new Options(size, every, coverage, mask, score, descriptor, threshold, smoothing);
        }
    }

    private final FaceAnalyzer analyzer;
    private final Options options;
    private final FaceAligner aligner;

    /** An extractor running {@code analyzer}. */
    public Extractor(FaceAnalyzer analyzer, Options options) {
        this.analyzer = analyzer;
        this.options = options;
        this.aligner = new FaceAligner(options.size(), options.coverage());
    }

    /** The aligner the crops are cut with. */
    public FaceAligner aligner() {
        return aligner;
    }

    /**
     * The descriptor of the largest face in {@code picture}, the reference of {@code --identity};
     * one clear line when it holds none.
     */
    public static float[] referenceDescriptor(FaceAnalyzer analyzer, Path picture, double score) throws IOException {
        List<Face> faces = analyzer.analyze(RgbImage.read(picture), score);
        return faces.stream().max(java.util.Comparator.comparingDouble(f -> f.box().area())).map(Face::descriptor)
                .orElseThrow(() -> new IOException("--identity " + picture + " shows no face the detector finds; give a clearer picture of the person"));
    }

    /** Extracts {@code input} into {@code out}, which must be new or empty; returns what extract.json holds. */
    public Map<String, Object> extract(Path input, Path out, PrintWriter log) throws IOException {
        refuseNonEmpty(out);
        long start = System.nanoTime();
        List<FrameFaces> frames = new ArrayList<>();
        int examined = 0, withFace = 0, otherIdentity = 0;
        Alignments.Source source;
        try (Frames reader = Frames.open(input)) {
            // only once the input opens: a failed run leaves the folder as empty as it found it
            Files.createDirectories(out.resolve("masks"));
            Files.createDirectories(out.resolve("features"));
            Ffmpeg.VideoInfo video = reader.video();
            source = new Alignments.Source(input.getFileName().toString(), video != null, video == null ? 0 : video.width(),
                    video == null ? 0 : video.height(), video == null ? null : video.frameRate(), reader.count());
            ProgressLines progress = new ProgressLines("extract", (reader.count() + options.every() - 1) / options.every(), log);
            for (Frames.Frame frame = reader.next(); frame != null; frame = reader.next()) {
                if (frame.index() % options.every() != 0) {
                    continue;
                }
                List<FaceEntry> kept = new ArrayList<>();
                for (Face face : analyzer.analyze(frame.image(), options.score())) {
                    if (options.identity() != null && FaceRecognitionNet.distance(face.descriptor(), options.identity()) >= options.threshold()) {
                        otherIdentity++;
                        continue;
                    }
                    kept.add(writeFace(frame, face, kept.size(), out));
                }
                frames.add(new FrameFaces(frame.index(), frame.name(), kept));
                examined++;
                withFace += kept.isEmpty() ? 0 : 1;
                progress.frameDone(withFace + " with a face");
            }
        }
        Alignments alignments = new Alignments(source, new Alignments.Crop(options.size(), options.coverage()), frames);
        alignments.write(out.resolve(Alignments.FILE));
        alignments.writeCropLandmarks(out, FaceEntry::crop);
        FaceTracks tracks = new FaceTracks(frames, source.video());
        Map<String, Object> summary = new LinkedHashMap<>();
        double seconds = (System.nanoTime() - start) / 1e9;
        summary.put("frames", examined);
        summary.put("frames_with_face", withFace);
        summary.put("faces", alignments.faceCount());
        summary.put("faces_of_other_identities", otherIdentity);
        summary.put("seconds", seconds);
        summary.put("seconds_per_frame", seconds / Math.max(1, examined));
        summary.put("every", options.every());
        summary.put("tracks", tracks.count());
        // NaN (no face followed from one frame to the next, as in a folder of photos) is written as null: JSON has no NaN
        double jitter = tracks.jitterPx(), smoothed = new FaceTracks(tracks.smoothed(options.smoothing(), aligner), source.video()).jitterPx();
        summary.put("jitter_px", Double.isNaN(jitter) ? null : jitter);
        summary.put("jitter_px_smoothed", Double.isNaN(smoothed) ? null : smoothed);
        summary.put("smoothing_frames", options.smoothing());
        AtomicFiles.write(out.resolve(SUMMARY), new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary) + "\n");
        return summary;
    }

    /** Cuts, writes and describes face number {@code k} of a frame. */
    private FaceEntry writeFace(Frames.Frame frame, Face face, int k, Path out) throws IOException {
        String stem = frame.name().replaceFirst("\\.[^.]+$", "");
        String crop = String.format(Locale.ROOT, "%s_%d.png", stem, k);
        SimilarityTransform toCrop = aligner.toCrop(face.landmarks());
        aligner.crop(frame.image(), face.landmarks()).writePng(out.resolve(crop));
        FaceEntry entry = new FaceEntry(crop, new double[] {face.box().x(), face.box().y(), face.box().width(), face.box().height()}, face.score(),
                face.landmarks(), new double[] {toCrop.a(), toCrop.b(), toCrop.tx(), toCrop.ty()}, face.descriptor());
        double[][] inCrop = entry.cropLandmarks();
        LandmarkMask.writePng(LandmarkMask.face(inCrop, options.size(), options.mask()), options.size(), out.resolve("masks").resolve(crop));
        LandmarkMask.writePng(LandmarkMask.features(inCrop, options.size()), options.size(), out.resolve("features").resolve(crop));
        return entry;
    }

    /** Refuses a folder that holds anything: extract never writes among other files (nor over its input). */
    static void refuseNonEmpty(Path out) throws IOException {
        if (Files.isDirectory(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(out + " is not empty; give --out a new or empty folder (nothing in it is overwritten)");
                }
            }
        } else if (Files.exists(out)) {
            throw new IOException(out + " is a file; give --out a new or empty folder");
        }
    }
}
