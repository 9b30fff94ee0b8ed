package dev.masquerade.tutorials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.masquerade.faces.SimilarityTransform;
import org.junit.jupiter.api.Test;

/** Chapter 22: the worked fit is exact, and the jitter simulation meets Step 5's formulas. */
class AlignmentChapterTest {
    @Test
    void theWorkedFitCarriesTheTriangleOntoTheTemplate() {
        SimilarityTransform t = SimilarityTransform.fit(AlignmentChapter.FROM, AlignmentChapter.TO);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(AlignmentChapter.TO[i], t.apply(AlignmentChapter.FROM[i]), 1e-12);
        }
    }

    @Test
    void averagingWFramesDividesTheJitterOfNoiseByW() {
        for (int w : new int[] {1, 3, 5, 9}) {
            assertEquals(Math.sqrt(Math.PI) / w, AlignmentChapter.simulatedJitter(w, 5), 0.01 / Math.sqrt(w), "window " + w);
        }
    }
}
