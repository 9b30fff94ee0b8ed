package dev.masquerade.tutorials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Chapter 25's key result on many planes: the written-out gradient is autograd's, and loses its mean and its x̂ component. */
class CycleConsistencyChapterTest {

    @Test
    void theWrittenOutGradientIsAutogradsAndIsBlindToShiftAndScale() {
        SplittableRandom random = new SplittableRandom(25);
        for (int trial = 0; trial < 50; trial++) {
            double[] x = new double[4], g = new double[4];
            for (int i = 0; i < 4; i++) {
                x[i] = random.nextDouble(-3, 3);
                g[i] = random.nextDouble(-1, 1);
            }
            double[] byHand = CycleConsistencyChapter.gradientByHand(x, g);
            assertArrayEquals(CycleConsistencyChapter.gradientThroughTheComposition(x, g), byHand, 1e-9);
            assertArrayEquals(CycleConsistencyChapter.gradientOfTheOperation(x, g), byHand, 1e-9);
            double mean = (x[0] + x[1] + x[2] + x[3]) / 4, sum = 0, alongX = 0;
            for (int i = 0; i < 4; i++) {
                sum += byHand[i];
                alongX += (x[i] - mean) * byHand[i];
            }
            assertEquals(0, sum, 1e-9, "shifting the plane changes nothing");
            assertEquals(0, alongX, 1e-9, "scaling it changes nothing");
        }
    }
}
