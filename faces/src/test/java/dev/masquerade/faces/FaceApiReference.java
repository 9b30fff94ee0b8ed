package dev.masquerade.faces;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masquerade.engine.testing.ExternalData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the tests compare with: face-api's own outputs, written by faces/reference/reference.mjs
 * into src/test/resources/face-api-reference, and the weights and photos they were made from
 * (fetched by scripts; tests skip without them, except in CI).
 */
final class FaceApiReference {
    private FaceApiReference() {
    }

    /** The weights folder, or a skip naming scripts/fetch-face-models.sh. */
    static Path models() {
        Path folder = FaceApiModels.defaultFolder();
        ExternalData.require(Files.isDirectory(folder), "face-api's weights are not in " + folder + "; fetch them with scripts/fetch-face-models.sh");
        return folder;
    }

    /** One of the photos of scripts/fetch-photos.sh, or a skip naming the script. */
    static Path photo(String name) {
        Path photo = FaceApiModels.cacheFolder().resolve("photos").resolve(name);
        ExternalData.require(Files.isRegularFile(photo), name + " is not in " + photo.getParent() + "; fetch it with scripts/fetch-photos.sh");
        return photo;
    }

    /** A reference file: raw-outputs.json or photos.json. */
    static JsonNode json(String file) {
        try (InputStream in = FaceApiReference.class.getResourceAsStream("/face-api-reference/" + file)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reference script's fixed picture: integer arithmetic only, so both sides build the same pixels. */
    static RgbImage pattern(int size, int seed) {
        float[] rgb = new float[size * size * 3];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                for (int c = 0; c < 3; c++) {
                    rgb[(y * size + x) * 3 + c] = (x * 7 + y * 13 + c * 101 + ((x ^ y) & 31) * 5 + seed * 29) % 256;
                }
            }
        }
        return new RgbImage(size, size, rgb);
    }

    static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }
}
