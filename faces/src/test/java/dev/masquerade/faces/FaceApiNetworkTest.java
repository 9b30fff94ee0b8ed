package dev.masquerade.faces;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading weights into a rebuilt network: every parameter must find its weight, and every weight its parameter. */
class FaceApiNetworkTest {
    @TempDir
    Path folder;

    /** A manifest of float32 weights, each filled with zeros. */
    private void manifest(String network, String... weights) throws IOException {
        StringBuilder json = new StringBuilder("[{\"paths\": [\"w.bin\"], \"weights\": [");
        int bytes = 0;
        for (int i = 0; i < weights.length; i += 2) {
            json.append(i > 0 ? ", " : "").append("{\"name\": \"").append(weights[i]).append("\", \"shape\": ").append(weights[i + 1])
                    .append(", \"dtype\": \"float32\"}");
            int count = 1;
            for (String size : weights[i + 1].replaceAll("[\\[\\] ]", "").split(",")) {
                count *= Integer.parseInt(size);
            }
            bytes += 4 * count;
        }
        Files.writeString(folder.resolve(network + "_model-weights_manifest.json"), json.append("]}]").toString());
        Files.write(folder.resolve("w.bin"), new byte[bytes]);
    }

    @Test
    void aMissingWeightIsNamed() throws IOException {
        manifest("tiny_face_detector", "conv0/filters", "[3, 3, 3, 16]");
        IOException e = assertThrows(IOException.class, () -> new TinyFaceDetector().load(folder));
        assertTrue(e.getMessage().contains("has no weight conv0/bias; is it face-api 1.7.15's tiny_face_detector?"), e.getMessage());
    }

    @Test
    void aWeightOfTheWrongShapeIsNamed() throws IOException {
        manifest("tiny_face_detector", "conv0/filters", "[3, 3, 3, 8]");
        IOException e = assertThrows(IOException.class, () -> new TinyFaceDetector().load(folder));
        assertTrue(e.getMessage().contains("weight conv0/filters is [8, 3, 3, 3] in the engine's layout where the network needs [16, 3, 3, 3]"), e.getMessage());
    }
}
