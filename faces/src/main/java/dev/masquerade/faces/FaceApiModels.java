package dev.masquerade.faces;

import java.io.IOException;
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

    private FaceApiModels() {
    }

    /** The default folder: {@code ~/.cache/masquerade/models/face-api-1.7.15} (under XDG_CACHE_HOME when set). */
    public static Path defaultFolder() {
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base = cache == null || cache.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(cache);
        return base.resolve("masquerade/models/face-api-" + VERSION);
    }

    /**
     * The manifest of one network in {@code folder}.
     *
     * @throws IOException naming the folder and the script that fills it, when the manifest is not there
     */
    public static Path manifest(Path folder, String network) throws IOException {
        Path manifest = folder.resolve(network + "_model-weights_manifest.json");
        if (!Files.isRegularFile(manifest)) {
            throw new IOException("face-api's " + network + " weights are not in " + folder + "; fetch them with scripts/fetch-face-models.sh");
        }
        return manifest;
    }
}
