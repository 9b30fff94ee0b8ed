package dev.masquerade.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Tensor;
import java.io.IOException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Each network, rebuilt from engine modules and loaded with face-api's weights, computes what
 * face-api computes on TensorFlow.js: raw outputs on the reference script's fixed pictures agree
 * within 1e-4 of the output's largest magnitude (float32 sums in another order drift by about
 * 1e-6).
 */
class RawOutputsTest {
    private static final JsonNode RAW = FaceApiReference.json("raw-outputs.json").get("raw");

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        double largest = 0, worst = 0;
        for (int i = 0; i < expected.length; i++) {
            largest = Math.max(largest, Math.abs(expected[i]));
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        System.out.printf("%s: largest |output| %.4g, largest difference %.3g (%.2g relative)%n", what, largest, worst, worst / largest);
        assertTrue(worst <= 1e-4 * largest, what + ": differs by " + worst + " where the output reaches " + largest);
    }

    /** Each fixed picture of the reference, pre-processed and run through {@code forward}, against the reference's output {@code key}. */
    private static void assertMatchesFaceApi(String key, int size, Function<RgbImage, Tensor> input, Function<Tensor, float[]> forward) {
        for (JsonNode raw : RAW) {
            int seed = raw.get("seed").asInt();
            JsonNode expected = raw.get(key).has("nhwc") ? raw.get(key).get("nhwc") : raw.get(key).get("values");
            try (var noGrad = NoGrad.enter()) {
                assertClose(FaceApiReference.floats(expected), forward.apply(input.apply(FaceApiReference.pattern(size, seed))), key + ", seed " + seed);
            }
        }
    }

    @Test
    void theDetectorsGridMatchesFaceApis() throws IOException {
        TinyFaceDetector net = (TinyFaceDetector) new TinyFaceDetector().load(FaceApiReference.models());
        // face-api's grid is [1, 13, 13, 25] (channels last), the engine's [1, 25, 13, 13]
        assertMatchesFaceApi("tiny_face_detector", 416, TinyFaceDetector::input, x -> net.forward(x).permute(0, 2, 3, 1).contiguous().toFloatArray());
    }

    @Test
    void theLandmarkNetsOutputMatchesFaceApis() throws IOException {
        FaceLandmarkNet net = (FaceLandmarkNet) new FaceLandmarkNet().load(FaceApiReference.models());
        assertMatchesFaceApi("face_landmark_68", 112, FaceLandmarkNet::input, x -> net.forward(x).toFloatArray());
    }

    @Test
    void theRecognitionNetsDescriptorMatchesFaceApis() throws IOException {
        FaceRecognitionNet net = (FaceRecognitionNet) new FaceRecognitionNet().load(FaceApiReference.models());
        assertMatchesFaceApi("face_recognition", 150, FaceRecognitionNet::input, x -> net.forward(x).toFloatArray());
    }
}
