package dev.masquerade.tutorials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Chapter 31: the facts behind its numbers. */
class ExportChapterTest {
    private final Map<String, Double> numbers = new ExportChapter().numbers();

    @Test
    void foldingLeavesFewerNodesThanRecordedOperations() {
        assertTrue(numbers.get("exported nodes") < numbers.get("recorded operations"), numbers.toString());
    }

    @Test
    void theSafetensorsFileIsItsLengthItsHeaderAndFourBytesAParameter() {
        assertEquals(8 + numbers.get("safetensors header bytes") + 4 * numbers.get("parameters"), numbers.get("safetensors bytes"));
        assertEquals(0, numbers.get("safetensors header bytes") % 8, "the values start 8-byte aligned");
        assertTrue(numbers.get("onnx bytes") > 4 * numbers.get("parameters"), "the graph file holds every weight too");
    }

    @Test
    void evaluationModeIsTheAffineMapOfTheBoxedResult() {
        assertEquals(numbers.get("scale") * 1 + numbers.get("shift"), numbers.get("evaluation y1"), 1e-5);
        assertEquals(numbers.get("scale") * 3 + numbers.get("shift"), numbers.get("evaluation y2"), 1e-5);
    }

    @Test
    void trainingModeGivesTheBatchMeanBetaAndSpreadGamma() {
        double y1 = numbers.get("training y1"), y2 = numbers.get("training y2");
        assertEquals(ExportChapter.BETA, (y1 + y2) / 2, 1e-6);
        assertEquals(ExportChapter.GAMMA, Math.abs(y2 - y1) / 2, 1e-4);
    }
}
