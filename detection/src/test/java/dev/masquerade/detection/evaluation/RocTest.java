package dev.masquerade.detection.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.masquerade.engine.testing.Gens;
import dev.masquerade.engine.testing.Property;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The ROC curve and its area: the chance that a fake outscores a real picture, whatever the threshold and the balance. */
class RocTest {

    @Test
    @Tag("task-10.3")
    void aPerfectDetectorHasAreaOneAndABackwardOneZero() {
        boolean[] fake = {false, false, true, true};
        assertEquals(1.0, Roc.of(new double[] {0.1, 0.2, 0.8, 0.9}, fake).auc());
        assertEquals(0.0, Roc.of(new double[] {0.9, 0.8, 0.2, 0.1}, fake).auc());
    }

    @Test
    @Tag("task-10.3")
    void equalScoresMoveTogetherAlongTheDiagonal() {
        Roc roc = Roc.of(new double[] {0.5, 0.5, 0.5, 0.5}, new boolean[] {false, true, false, true});
        assertArrayEquals(new double[] {0, 1}, roc.falsePositiveRates());
        assertArrayEquals(new double[] {0, 1}, roc.truePositiveRates());
        assertEquals(0.5, roc.auc());
    }

    @Test
    @Tag("task-10.3")
    void onAnUnbalancedSetAccuracyFlattersADetectorThatSaysRealToEverything() {
        int n = 1000;
        double[] scores = new double[n];
        boolean[] fake = new boolean[n];
        for (int i = 0; i < 10; i++) {
            fake[i] = true; // 10 fakes among 1,000
        }
        java.util.Arrays.fill(scores, 0.1);
        assertEquals(0.99, Roc.accuracy(scores, fake, 0.5), 1e-12);
        assertEquals(0.5, Roc.of(scores, fake).auc(), 1e-12);
    }

    @Test
    void aCurveNeedsBothKinds() {
        var error = assertThrows(IllegalArgumentException.class, () -> Roc.of(new double[] {0.3}, new boolean[] {true}));
        assertEquals("a ROC curve needs real and fake pictures, got 0 real and 1 fake", error.getMessage());
    }

    @TestFactory
    @Tag("task-10.3")
    Stream<DynamicTest> properties() {
        return Stream.of(Property.forAll("the area is the share of (fake, real) pairs the fake wins, ties counting half",
                Gens.shapes(2, 2, 1, 40)).test(shape -> {
                    SplittableRandom random = new SplittableRandom(31L * shape[0] + shape[1]);
                    int real = shape[0], fakes = shape[1];
                    double[] scores = new double[real + fakes];
                    boolean[] fake = new boolean[real + fakes];
                    for (int i = 0; i < scores.length; i++) {
                        scores[i] = random.nextInt(6) / 5.0; // few distinct values: many ties
                        fake[i] = i >= real;
                    }
                    double wins = 0;
                    for (int f = real; f < scores.length; f++) {
                        for (int r = 0; r < real; r++) {
                            wins += scores[f] > scores[r] ? 1 : scores[f] == scores[r] ? 0.5 : 0;
                        }
                    }
                    assertEquals(wins / (real * fakes), Roc.of(scores, fake).auc(), 1e-12);
                }));
    }
}
