package dev.masquerade.tutorials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Chapters 27 to 29: the facts behind their numbers. */
class DetectionChaptersTest {

    @Test
    void insertingZerosCopiesAnySignalsSpectrumSoHalfItsEnergyIsTheImage() {
        double[] ramp = {3, -1, 4, 1, -5, 9, 2, -6};
        assertEquals(0.5, FourierChapter.imageShare(FourierChapter.upsampled(ramp, FourierChapter.ZEROS)), 1e-12);
        double[] doubled = FourierChapter.power(FourierChapter.upsampled(ramp, FourierChapter.ZEROS));
        assertArrayEquals(Arrays.copyOfRange(doubled, 0, 8), Arrays.copyOfRange(doubled, 8, 16), 1e-9, "Z[k + N] = Z[k]");
    }

    @Test
    void nearestNeighbourRepeatsAndLinearInterpolates() {
        double[] x = {1, 3, 5, 7};
        assertArrayEquals(new double[] {1, 1, 3, 3, 5, 5, 7, 7}, FourierChapter.upsampled(x, FourierChapter.NEAREST), 1e-12);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 4}, FourierChapter.upsampled(x, FourierChapter.LINEAR), 1e-12,
                "the last sample wraps round to the first (a circular signal)");
        double nearest = FourierChapter.imageShare(FourierChapter.upsampled(FourierChapter.bump(), FourierChapter.NEAREST));
        double linear = FourierChapter.imageShare(FourierChapter.upsampled(FourierChapter.bump(), FourierChapter.LINEAR));
        assertTrue(linear < nearest && nearest < 0.5, linear + " < " + nearest + " < 0.5");
    }

    @Test
    void theFormulaForTheGradientIsWhatAutogradComputes() {
        double[] formula = LogisticRegressionChapter.formulaGradient(), autograd = LogisticRegressionChapter.autogradGradient();
        assertArrayEquals(formula, Arrays.copyOfRange(autograd, 1, 4), 1e-15);
    }

    @Test
    void theAreaIsTheShareOfPairsAndTheLazyDetectorWinsOnAccuracyAlone() {
        RocChapter.Scored toy = RocChapter.Scored.of(RocChapter.TOY_REAL, RocChapter.TOY_FAKE);
        assertEquals(RocChapter.pairsWon(RocChapter.TOY_REAL, RocChapter.TOY_FAKE) / 12, toy.roc().auc(), 1e-12);
        assertTrue(RocChapter.lazy().accuracy() > RocChapter.useful().accuracy());
        assertTrue(RocChapter.lazy().roc().auc() < RocChapter.useful().roc().auc());
    }
}
