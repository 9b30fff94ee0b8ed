package dev.masquerade.tutorials;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Chapter 15: more discriminator steps keep D nearer D*, and both settings approach the data. */
class AlternatingUpdatesChapterTest {
    @Test
    void moreDiscriminatorStepsKeepTheGapSmaller() {
        for (int rounds : new int[] {10, 25, 50}) {
            double one = AlternatingUpdatesChapter.train(1, rounds).discriminatorGap();
            double five = AlternatingUpdatesChapter.train(5, rounds).discriminatorGap();
            assertTrue(five < one, rounds + " rounds: gap " + five + " with k = 5, " + one + " with k = 1");
        }
    }

    @Test
    void bothReachTheDataEventually() {
        for (int k : new int[] {1, 5}) {
            double[] generator = AlternatingUpdatesChapter.train(k, 300).generator();
            double js = MinimaxChapter.jensenShannon(MinimaxChapter.DATA, generator);
            assertTrue(js < 1e-4, "k = " + k + ": JS " + js + " after 300 rounds");
        }
    }
}
