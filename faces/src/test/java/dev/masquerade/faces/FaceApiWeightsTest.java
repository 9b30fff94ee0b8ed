package dev.masquerade.faces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * face-api's real weights read through {@link TfjsWeights}: every network's tensors, their
 * counts and the layouts the detector's first layers need. Skips where the weights have not been
 * fetched (scripts/fetch-face-models.sh), except in CI, which fetches them.
 */
class FaceApiWeightsTest {
    @TempDir
    Path empty;

    private static Map<String, Tensor> read(String network) throws IOException {
        return TfjsWeights.read(FaceApiModels.manifest(FaceApiReference.models(), network));
    }

    private static long values(Map<String, Tensor> weights) {
        return weights.values().stream().mapToLong(Tensor::numel).sum();
    }

    @Test
    void theDetectorsWeightsReadInTheEnginesLayouts() throws IOException {
        Map<String, Tensor> detector = read(FaceApiModels.TINY_FACE_DETECTOR);
        assertEquals(19, detector.size());
        assertEquals(193_321, values(detector), "uint8-quantised: one byte per value, the shard's 193,321 bytes");
        assertArrayEquals(new int[] {16, 3, 3, 3}, TfjsWeights.convFilter(detector.get("conv0/filters")).shape());
        assertArrayEquals(new int[] {16, 1, 3, 3}, TfjsWeights.depthwiseFilter(detector.get("conv1/depthwise_filter")).shape());
        for (Tensor weight : detector.values()) {
            for (double v : weight.toDoubleArray()) {
                assertTrue(Double.isFinite(v));
            }
        }
    }

    @Test
    void theLandmarkAndRecognitionNetsRead() throws IOException {
        Map<String, Tensor> landmarks = read(FaceApiModels.FACE_LANDMARK_68);
        assertEquals(49, landmarks.size());
        assertEquals(356_840, values(landmarks));
        Map<String, Tensor> recognition = read(FaceApiModels.FACE_RECOGNITION);
        assertEquals(117, recognition.size());
        assertEquals(5_614_592, values(recognition));
    }

    @Test
    void aFolderWithoutTheWeightsNamesTheScript() {
        IOException e = assertThrows(IOException.class, () -> FaceApiModels.manifest(empty, FaceApiModels.TINY_FACE_DETECTOR));
        assertTrue(e.getMessage().endsWith("; fetch them with scripts/fetch-face-models.sh " + empty), e.getMessage());
    }
}
