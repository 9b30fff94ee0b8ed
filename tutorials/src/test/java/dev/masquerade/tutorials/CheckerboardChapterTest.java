package dev.masquerade.tutorials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.masquerade.engine.Tensor;
import org.junit.jupiter.api.Test;

/** Chapter 26's counts and its measure of a checkerboard. */
class CheckerboardChapterTest {

    @Test
    void aStrideTwoTransposedConvolutionOfOnesCountsItsOverlappingTaps() {
        assertArrayEquals(new double[] {1, 1, 2, 1, 2, 1, 2, 1, 1}, CheckerboardChapter.tapsPerOutput(4, 3));
        assertArrayEquals(new double[] {1, 1, 2, 2, 2, 2, 2, 2, 1, 1}, CheckerboardChapter.tapsPerOutput(4, 4));
    }

    @Test
    void theParityMeansFindAPerfectCheckerboardAndNothingInAFlatPicture() {
        double[] board = new double[36];
        for (int i = 0; i < 36; i++) {
            board[i] = (i / 6 + i % 6) % 2 == 0 ? 1 : -1;
        }
        assertEquals(2, CheckerboardChapter.spread(CheckerboardChapter.parityMeans(Tensor.of(board, 1, 1, 6, 6), 1)), 1e-12);
        assertEquals(0, CheckerboardChapter.spread(CheckerboardChapter.parityMeans(Tensor.full(0.3, 1, 1, 6, 6), 1)), 1e-7);
    }
}
