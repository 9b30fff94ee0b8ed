package dev.masquerade.cli;

import dev.masquerade.faces.FaceAnalyzer;
import dev.masquerade.faces.FaceApiFetch;
import dev.masquerade.faces.FaceApiModels;
import dev.masquerade.faces.TinyFaceDetector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options the faces commands share: where the weights are, and the detector's threshold. */
final class FaceModelsOption {
    @Option(names = "--models", paramLabel = "DIR",
            description = "A folder of face-api's weights (default: ~/.cache/masquerade/models/face-api-1.7.15, fetched with npm when missing;"
                    + " a folder given here is never fetched into).")
    private Path models;

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

    /** The three networks; the default folder's weights are fetched first where they are missing. */
    FaceAnalyzer load(PrintWriter log) throws IOException {
        return FaceAnalyzer.load(models != null ? models : FaceApiFetch.ensure(FaceApiModels.defaultFolder(), log));
    }
}
