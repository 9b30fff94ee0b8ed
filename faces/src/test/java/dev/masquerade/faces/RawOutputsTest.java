package dev.masquerade.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Tensor;
import java.io.IOException;
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

    @Test
    void theDetectorsGridMatchesFaceApis() throws IOException {
        TinyFaceDetector detector = (TinyFaceDetector) new TinyFaceDetector().load(FaceApiReference.models());
        for (JsonNode raw : RAW) {
            int seed = raw.get("seed").asInt();
            Tensor grid;
            try (var noGrad = NoGrad.enter()) {
                grid = detector.forward(TinyFaceDetector.input(FaceApiReference.pattern(416, seed)));
            }
            // face-api's grid is [1, 13, 13, 25] (channels last), the engine's [1, 25, 13, 13]
            assertClose(FaceApiReference.floats(raw.get("tiny_face_detector").get("nhwc")), grid.permute(0, 2, 3, 1).contiguous().toFloatArray(),
                    "detector, seed " + seed);
        }
    }

    @Test
    void theLandmarkNetsOutputMatchesFaceApis() throws IOException {
        FaceLandmarkNet net = (FaceLandmarkNet) new FaceLandmarkNet().load(FaceApiReference.models());
        for (JsonNode raw : RAW) {
            int seed = raw.get("seed").asInt();
            try (var noGrad = NoGrad.enter()) {
                Tensor out = net.forward(FaceLandmarkNet.input(FaceApiReference.pattern(112, seed)));
                assertClose(FaceApiReference.floats(raw.get("face_landmark_68").get("values")), out.toFloatArray(), "landmarks, seed " + seed);
            }
        }
    }

    @Test
    void theRecognitionNetsDescriptorMatchesFaceApis() throws IOException {
        FaceRecognitionNet net = (FaceRecognitionNet) new FaceRecognitionNet().load(FaceApiReference.models());
        for (JsonNode raw : RAW) {
            int seed = raw.get("seed").asInt();
            try (var noGrad = NoGrad.enter()) {
                Tensor out = net.forward(FaceRecognitionNet.input(FaceApiReference.pattern(150, seed)));
                assertClose(FaceApiReference.floats(raw.get("face_recognition").get("values")), out.toFloatArray(), "descriptor, seed " + seed);
            }
        }
    }
}
