package dev.masquerade.cli;

import dev.masquerade.engine.testing.ExternalData;
import dev.masquerade.faces.FaceApiModels;
import java.nio.file.Files;
import java.nio.file.Path;

/** face-api's weights and the two photos, as the fetch scripts leave them; tests skip without them, except in CI. */
final class FaceApiData {
    private FaceApiData() {
    }

    /** The weights folder of scripts/fetch-face-models.sh. */
    static Path models() {
        Path models = FaceApiModels.defaultFolder();
        ExternalData.require(Files.isDirectory(models), "face-api's weights are not in " + models + "; fetch them with scripts/fetch-face-models.sh");
        return models;
    }

    /** The photos folder of scripts/fetch-photos.sh. */
    static Path photos() {
        Path photos = FaceApiModels.cacheFolder().resolve("photos");
        ExternalData.require(Files.isRegularFile(photos.resolve("astronaut.png")), "the photos are not in " + photos + "; fetch them with scripts/fetch-photos.sh");
        return photos;
    }
}
