package dev.masquerade.cli;

import dev.masquerade.faces.FaceAnalyzer;
import dev.masquerade.faces.FaceApiFetch;
import dev.masquerade.faces.FaceApiModels;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where face-api's weights are: {@code --models}, for every command that runs the face networks. */
final class FaceModelsFolderOption {
    @Option(names = "--models", paramLabel = "DIR",
            description = "A folder of face-api's weights (default: ~/.cache/masquerade/models/face-api-1.7.15, fetched with npm when missing;"
                    + " a folder given here is never fetched into).")
    private Path models;

    /** The three networks; the default folder's weights are fetched first where they are missing. */
    FaceAnalyzer load(PrintWriter log) throws IOException {
        return FaceAnalyzer.load(models != null ? models : FaceApiFetch.ensure(FaceApiModels.defaultFolder(), log));
    }
}
