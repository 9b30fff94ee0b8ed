package dev.masquerade.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.masquerade.autoencoder.FaceSwapModel;
import dev.masquerade.autoencoder.augment.ColourMatch;
import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import dev.masquerade.faces.FaceAligner;
import dev.masquerade.faces.RgbImage;
import dev.masquerade.faces.SimilarityTransform;
import dev.masquerade.faces.Warp;
import dev.masquerade.nn.io.AtomicFiles;
import dev.masquerade.workflow.Alignments.FaceEntry;
import dev.masquerade.workflow.Alignments.FrameFaces;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The convert stage: every frame of a video or a folder, with each face its alignments name cut
 * out aligned, swapped by a trained model, and put back. For one face:
 * <ol>
 *   <li>cut the aligned crop out of the frame with the face's transform (smoothed across frames
 *       where asked, {@link FaceTracks#smoothed});</li>
 *   <li>swap it ({@link FaceSwapModel#swap});</li>
 *   <li>correct its colours to the face under it, inside the face's landmark mask ({@link ColourMatch});</li>
 *   <li>blend it back through the mask, eroded and feathered ({@link BlendMask}), with the
 *       inverse transform ({@link Paste}).</li>
 * </ol>
 * Frames without a face pass through unchanged. The output is an MP4 (ffmpeg, at the source's
 * frame rate) or a folder of PNGs, never written over anything.
 */
public final class Converter {
    /**
     * How faces go back in: a plain paste through the hard mask; through the softened mask
     * (feather); or seamless cloning ({@link SeamlessClone}) inside the eroded mask, then the
     * softened mask.
     */
    public enum Blend {
        PASTE, FEATHER, SEAMLESS;

        /** By name, any case. */
        public static Blend parse(String text) {
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--blend must be paste, feather or seamless, got '" + text + "'", e);
            }
        }
    }

    /**
     * How to convert.
     *
     * @param to      the identity the faces become
     * @param blend   how they go back in
     * @param erode   pixels of the crop the mask shrinks by before feathering
     * @param feather pixels of the crop over which the feathered mask fades
     * @param colour  colour correction inside the mask
     * @param mask    the kind of landmark mask
     * @param smooth  frames over which landmarks are averaged (1: none; odd)
     * @param screening seamless cloning's pull towards the swapped face's own colours (λ of {@link SeamlessClone})
     */
    public record Options(FaceSwapModel.Side to, Blend blend, int erode, int feather, ColourMatch.Method colour, LandmarkMask.Kind mask,
                          int smooth, double screening) {
        /** Checks the numbers. */
        public Options {
            if (erode < 0 || feather < 0) {
                throw new IllegalArgumentException("--erode and --feather are pixels of the crop, at least 0; got " + erode + " and " + feather);
            }
            if (smooth < 1 || smooth % 2 == 0) {
                throw new IllegalArgumentException("--smooth must be an odd number of frames (1: none, 5 is a good start), got " + smooth);
            }
            if (!(screening >= 0 && screening <= 100)) {
                throw new IllegalArgumentException("--screening must be from 0 (Poisson cloning proper) to 100, got " + screening);
            }
        }
    }

    /** Seamless cloning stops at this residual, relative to the right-hand side, or after this many steps. */
    private static final double TOLERANCE = 1e-4;
    private static final int MAX_ITERATIONS = 1000;

    private final FaceSwapModel model;
    private final Options options;
    private final Device device;
    private final IdentityProbe identity;

    /** A converter with a trained model, running it on {@code device}. */
    public Converter(FaceSwapModel model, Options options, Device device) {
        this(model, options, device, null);
    }

    /** As above, measuring each converted face's identity with {@code identity} (null: not measured). */
    public Converter(FaceSwapModel model, Options options, Device device, IdentityProbe identity) {
        this.model = model;
        this.options = options;
        this.device = device;
        this.identity = identity;
    }

    /**
     * Converts {@code input} by {@code alignments} into {@code out} (an .mp4 for a video, else a
     * new or empty folder of PNGs); returns the summary also written beside it (convert.json).
     */
    public Map<String, Object> convert(Path input, Alignments alignments, Path out, PrintWriter log) throws IOException {
        boolean mp4 = out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mp4");
        Path json = mp4 ? out.resolveSibling(out.getFileName().toString().replaceFirst("(?i)\\.mp4$", "") + ".convert.json") : out.resolve("convert.json");
        if (!mp4 && Ffmpeg.looksLikeVideo(out)) {
            throw new IOException("convert writes MP4 videos (or folders of PNG frames); name --out " + out.getFileName().toString()
                    .replaceFirst("\\.[^.]+$", "") + ".mp4, or a folder");
        }
        for (Path target : mp4 ? List.of(out, json) : List.<Path>of()) {
            if (Files.exists(target)) {
                throw new IOException(target + " exists; give --out a new file name (nothing is overwritten)");
            }
        }
        if (!mp4) {
            Extractor.refuseNonEmpty(out);
        }
        long start = System.nanoTime();
        int size = model.config().size();
        // the alignments' crops may have another size than the model's: the same crop at the model's size is a scaled transform
        double scale = (double) size / alignments.crop().size();
        FaceAligner aligner = new FaceAligner(alignments.crop().size(), alignments.crop().coverage());
        List<FrameFaces> frames = options.smooth() > 1
                ? new FaceTracks(alignments.frames(), alignments.source().video()).smoothed(options.smooth(), aligner) : alignments.frames();
        Map<Integer, FrameFaces> byIndex = new HashMap<>();
        frames.forEach(f -> byIndex.put(f.index(), f));
        int converted = 0, swappedFrames = 0, swappedFaces = 0;
        ConvertMeasures measures = new ConvertMeasures();
        try (Frames reader = Frames.open(input)) {
            alignments.checkBelongsTo(reader, input);
            if (alignments.frames().size() < reader.count()) {
                log.printf(Locale.ROOT, "convert: the alignments cover %d of the %d frames (extracted with --every %d?); the others pass through"
                        + " unswapped, so the face will flicker: extract every frame for a whole video%n", alignments.frames().size(), reader.count(),
                        Math.round((double) reader.count() / Math.max(1, alignments.frames().size())));
            }
            if (mp4 && reader.video() == null) {
                throw new IOException("an MP4 needs a video --input; give --out a folder for pictures");
            }
            Files.createDirectories(mp4 ? out.toAbsolutePath().getParent() : out);
            Set<String> written = new HashSet<>();
            ProgressLines progress = new ProgressLines("convert", reader.count(), log);
            try (VideoWriter video = mp4 ? new VideoWriter(out, reader.video(), input) : null) {
                for (Frames.Frame frame = reader.next(); frame != null; frame = reader.next()) {
                    FrameFaces faces = byIndex.get(frame.index());
                    if (faces != null && !faces.name().equals(frame.name())) {
                        throw new IOException("frame " + frame.index() + " of " + input + " is " + frame.name() + " but the alignments name "
                                + faces.name() + "; give the --alignments that extract wrote for " + input.getFileName());
                    }
                    RgbImage result = new RgbImage(frame.image().width(), frame.image().height(), frame.image().rgb().clone());
                    for (FaceEntry face : faces == null ? List.<FaceEntry>of() : faces.faces()) {
                        SimilarityTransform t = face.toCrop();
                        SimilarityTransform toCrop = new SimilarityTransform(t.a() * scale, t.b() * scale, t.tx() * scale, t.ty() * scale);
                        float[] hull = LandmarkMask.face(landmarksIn(face, toCrop), size, options.mask());
                        swap(frame.image(), result, toCrop, hull);
                        measures.add(SeamMetrics.measure(Warp.apply(frame.image(), toCrop, size, size), Warp.apply(result, toCrop, size, size), hull));
                        if (identity != null) {
                            measures.add(identity.distances(frame.image(), face.landmarks()), identity.distances(result, face.landmarks()));
                        }
                        swappedFaces++;
                    }
                    swappedFrames += faces == null || faces.faces().isEmpty() ? 0 : 1;
                    if (video != null) {
                        video.write(result);
                    } else {
                        String name = frame.name().replaceFirst("\\.[^.]+$", "") + ".png";
                        result.writePng(out.resolve(written.add(name) ? name : frame.name() + ".png"));
                    }
                    converted++;
                    progress.frameDone(swappedFaces + " faces swapped");
                }
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        double seconds = (System.nanoTime() - start) / 1e9;
        summary.put("frames", converted);
        summary.put("frames_swapped", swappedFrames);
        summary.put("faces_swapped", swappedFaces);
        summary.put("seconds", seconds);
        summary.put("seconds_per_frame", seconds / Math.max(1, converted));
        summary.putAll(measures.toMap());
        summary.put("blend", options.blend().name().toLowerCase(Locale.ROOT));
        summary.put("colour", options.colour().name().toLowerCase(Locale.ROOT));
        summary.put("erode", options.erode());
        summary.put("feather", options.feather());
        summary.put("smooth", options.smooth());
        AtomicFiles.write(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary) + "\n");
        return summary;
    }

    /** Swaps one face of {@code frame} and blends it into {@code result}. */
    private void swap(RgbImage frame, RgbImage result, SimilarityTransform toCrop, float[] hull) {
        int size = model.config().size();
        RgbImage crop = Warp.apply(frame, toCrop, size, size);
        Tensor face = toTensor(crop);
        Tensor swapped;
        try (var scope = NoGrad.enter()) {
            swapped = model.swap(options.to(), face.to(device)).to(Device.CPU);
        }
        Tensor region = Tensor.of(hull, 1, 1, size, size);
        swapped = ColourMatch.match(swapped, face, region, options.colour());
        if (options.blend() == Blend.SEAMLESS) {
            Tensor inner = Tensor.of(BlendMask.erode(hull, size, options.erode()), 1, 1, size, size);
            swapped = SeamlessClone.solve(face, swapped, inner, options.screening(), TOLERANCE, MAX_ITERATIONS).result();
        }
        float[] mask = options.blend() == Blend.PASTE ? hull : BlendMask.soften(hull, size, options.erode(), options.feather());
        Paste.into(result, fromTensor(swapped), mask, toCrop);
    }

    /** The face's 68 landmarks in the crop's pixels under {@code toCrop}. */
    private static double[][] landmarksIn(FaceEntry face, SimilarityTransform toCrop) {
        double[][] out = new double[face.landmarks().length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = toCrop.apply(face.landmarks()[i]);
        }
        return out;
    }

    /** A picture as the model takes it: [1, 3, H, W], values in [0, 1]. */
    static Tensor toTensor(RgbImage image) {
        int plane = image.width() * image.height();
        float[] values = new float[3 * plane];
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < 3; c++) {
                values[c * plane + p] = image.rgb()[p * 3 + c] / 255f;
            }
        }
        return Tensor.of(values, 1, 3, image.height(), image.width());
    }

    /** The model's output [1, 3, H, W] in [0, 1] as a picture. */
    static RgbImage fromTensor(Tensor image) {
        int h = image.size(2), w = image.size(3), plane = h * w;
        float[] values = image.toFloatArray(), rgb = new float[3 * plane];
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < 3; c++) {
                rgb[p * 3 + c] = 255f * values[c * plane + p];
            }
        }
        return new RgbImage(w, h, rgb);
    }
}
