package dev.masquerade.cli;

import dev.masquerade.faces.FaceAnalyzer;
import dev.masquerade.faces.TinyFaceDetector;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options the commands that find faces share: where the weights are, and the detector's threshold. */
final class FaceModelsOption {
    @Mixin
    private FaceModelsFolderOption folder;

    @Option(names = "--score", defaultValue = "0.5", paramLabel = "S",
            description = "Keep faces the detector scores above S, in (0, 1) (default: ${DEFAULT-VALUE}, face-api's).")
    void score(double s) {
        if (!(s > 0 && s < 1)) {
            throw new IllegalArgumentException("--score must lie between 0 and 1 (face-api's default is 0.5), got " + s);
        }
        this.score = s;
    }

    private double score = TinyFaceDetector.SCORE_THRESHOLD;

    /** The detector's score threshold. */
    double score() {
        return score;
    }

    /** The three networks (see {@link FaceModelsFolderOption#load}). */
    FaceAnalyzer load(PrintWriter log) throws IOException {
        return folder.load(log);
    }
}
