package dev.masquerade.faces;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where face-api's pre-trained weights live once {@code scripts/fetch-face-models.sh} has
 * fetched them from npm (@vladmandic/face-api {@value #VERSION}, MIT): one TF.js manifest and
 * shard per network, with the package's licence beside them.
 */
public final class FaceApiModels {
    /** The face-api release the networks and their pre-processing are read from. */
    public static final String VERSION = "1.7.15";
    /** The face detector (a 416x416 input, a 13x13 grid of 5 anchors). */
    public static final String TINY_FACE_DETECTOR = "tiny_face_detector";
    /** The 68-point landmark net. */
    public static final String FACE_LANDMARK_68 = "face_landmark_68";
    /** The 128-d face descriptor. */
    public static final String FACE_RECOGNITION = "face_recognition";
    /** The three, in the order they run. */
    public static final List<String> NETWORKS = List.of(TINY_FACE_DETECTOR, FACE_LANDMARK_68, FACE_RECOGNITION);

    /** SHA-256 of each network's shard in face-api 1.7.15, to tell damaged weights from good ones. */
    private static final Map<String, String> SHA256 = Map.of(
            TINY_FACE_DETECTOR, "b7503ce7df31039b1c43316a9b865cab6a70dd748cc602d3fa28b551503c3871",
            FACE_LANDMARK_68, "4611ef65c87d836d03d684b30eec4d195d8b219fa1dd58fc58945831c6b9299b",
            FACE_RECOGNITION, "b413e420d6840b2775fba32008db6f3cddb07d485967fb42cfcf379c16a8c589");

    private FaceApiModels() {
    }

    /**
     * Checks that {@code network}'s shard in {@code folder} is face-api {@value #VERSION}'s, byte
     * for byte: a shard of the right length with damaged bytes would load, run, and find no faces.
     *
     * @throws IOException naming the file and the script that fetches it again
     */
    public static void verify(Path folder, String network) throws IOException {
        Path shard = folder.resolve(network + "_model.bin");
        if (!Files.isRegularFile(shard)) {
            throw missing(folder, network);
        }
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
        String actual = HexFormat.of().formatHex(sha256.digest(Files.readAllBytes(shard)));
        if (!actual.equals(SHA256.get(network))) {
            throw new IOException(shard + " is not face-api " + VERSION + "'s (its SHA-256 differs: damaged or another release); "
                    + "fetch it again with scripts/fetch-face-models.sh " + folder);
        }
    }

    /** Masquerade's cache: {@code ~/.cache/masquerade}, or {@code $XDG_CACHE_HOME/masquerade} when that is set. */
    public static Path cacheFolder() {
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base = cache == null || cache.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(cache);
        return base.resolve("masquerade");
    }

    /** The default folder: {@code models/face-api-1.7.15} in the {@link #cacheFolder()}. */
    public static Path defaultFolder() {
        return cacheFolder().resolve("models/face-api-" + VERSION);
    }

    private static IOException missing(Path folder, String network) {
        return new IOException("face-api's " + network + " weights are not in " + folder + "; fetch them with scripts/fetch-face-models.sh " + folder);
    }

    /**
     * The manifest of one network in {@code folder}.
     *
     * @throws IOException naming the folder and the script that fills it, when the manifest is not there
     */
    public static Path manifest(Path folder, String network) throws IOException {
        Path manifest = folder.resolve(network + "_model-weights_manifest.json");
        if (!Files.isRegularFile(manifest)) {
            throw missing(folder, network);
        }
        return manifest;
    }
}
