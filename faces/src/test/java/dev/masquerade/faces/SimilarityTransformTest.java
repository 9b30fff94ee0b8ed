package dev.masquerade.faces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Umeyama's least-squares similarity in the plane: exact on exact data, least squares on noisy data, invertible. */
class SimilarityTransformTest {

    @Tag("task-8.1")
    @Test
    void recoversAKnownRotationScaleAndShift() {
        SimilarityTransform truth = new SimilarityTransform(1.5 * Math.cos(0.3), 1.5 * Math.sin(0.3), 12, -7);
        SplittableRandom random = new SplittableRandom(1);
        double[][] from = new double[68][], to = new double[68][];
        for (int i = 0; i < 68; i++) {
            from[i] = new double[] {random.nextDouble(0, 100), random.nextDouble(0, 100)};
            to[i] = truth.apply(from[i]);
        }
        SimilarityTransform fitted = SimilarityTransform.fit(from, to);
        assertEquals(truth.a(), fitted.a(), 1e-12);
        assertEquals(truth.b(), fitted.b(), 1e-12);
        assertEquals(truth.tx(), fitted.tx(), 1e-9);
        assertEquals(truth.ty(), fitted.ty(), 1e-9);
        assertEquals(1.5, fitted.scale(), 1e-12);
        assertEquals(Math.toDegrees(0.3), fitted.rotationDegrees(), 1e-9);
    }

    @Tag("task-8.1")
    @Test
    void onNoisyPointsNoNearbyTransformFitsBetter() {
        SplittableRandom random = new SplittableRandom(2);
        double[][] from = new double[20][], to = new double[20][];
        for (int i = 0; i < 20; i++) {
            from[i] = new double[] {random.nextDouble(-1, 1), random.nextDouble(-1, 1)};
            to[i] = new double[] {2 * from[i][1] + random.nextDouble(-0.1, 0.1), -2 * from[i][0] + random.nextDouble(-0.1, 0.1)};
        }
        SimilarityTransform best = SimilarityTransform.fit(from, to);
        double least = error(best, from, to);
        for (int k = 0; k < 200; k++) {
            SimilarityTransform nudged = new SimilarityTransform(best.a() + random.nextDouble(-1e-3, 1e-3), best.b() + random.nextDouble(-1e-3, 1e-3),
                    best.tx() + random.nextDouble(-1e-3, 1e-3), best.ty() + random.nextDouble(-1e-3, 1e-3));
            assertTrue(error(nudged, from, to) >= least, "a nudged transform fits better");
        }
    }

    private static double error(SimilarityTransform t, double[][] from, double[][] to) {
        double sum = 0;
        for (int i = 0; i < from.length; i++) {
            double[] p = t.apply(from[i]);
            sum += Math.pow(p[0] - to[i][0], 2) + Math.pow(p[1] - to[i][1], 2);
        }
        return sum;
    }

    @Test
    void theInverseUndoesIt() {
        SimilarityTransform t = new SimilarityTransform(0.8, -0.6, 5, 9);
        double[] p = {3, -4};
        assertArrayEquals(p, t.inverse().apply(t.apply(p)), 1e-12);
        assertEquals(1 / t.scale(), t.inverse().scale(), 1e-12);
    }

    @Tag("task-8.1")
    @Test
    void pointsAllInOnePlaceCannotBeFitted() {
        double[][] same = {{1, 1}, {1, 1}, {1, 1}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SimilarityTransform.fit(same, same));
        assertEquals("fitting a similarity needs points that are not all in one place", e.getMessage());
    }
}
