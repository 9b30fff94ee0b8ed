package dev.masquerade.tutorials;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Chapter 24's key result on many pixels, not just the one in the text: L2's best prediction is the mean, L1's the median. */
class ConditionalGanChapterTest {

    @Test
    void theBestPredictionUnderL2IsTheMeanAndUnderL1TheMedian() {
        SplittableRandom random = new SplittableRandom(24);
        for (int trial = 0; trial < 20; trial++) {
            double[] truths = new double[1 + 2 * random.nextInt(5)]; // an odd count: one median
            for (int i = 0; i < truths.length; i++) {
                truths[i] = Math.round(random.nextDouble() * 1000) / 1000.0;
            }
            double mean = Arrays.stream(truths).average().orElseThrow();
            double[] sorted = truths.clone();
            Arrays.sort(sorted);
            assertEquals(mean, ConditionalGanChapter.bestPrediction(truths, false), 0.0005 + 1e-12, Arrays.toString(truths));
            assertEquals(sorted[truths.length / 2], ConditionalGanChapter.bestPrediction(truths, true), 1e-12, Arrays.toString(truths));
        }
    }
}
