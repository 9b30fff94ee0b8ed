package dev.masquerade.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Landmark masks: the convex hull of the points, filled; the extended mask reaches higher; eyes and mouth are their own mask. */
class LandmarkMaskTest {

    @Tag("task-8.2")
    @Test
    void theHullKeepsOnlyTheCornersOfASquareWithPointsInside() {
        double[][] hull = LandmarkMask.hull(new double[][] {{0, 0}, {4, 0}, {2, 2}, {4, 4}, {0, 4}, {1, 3}, {2, 0}});
        assertEquals(4, hull.length, "the centre, an inner point and a point on an edge are not corners");
    }

    @Tag("task-8.2")
    @Test
    void aFilledSquareCoversThePixelsWhoseCentresLieInside() {
        float[] mask = LandmarkMask.fill(LandmarkMask.hull(new double[][] {{2, 2}, {6, 2}, {6, 6}, {2, 6}}), 10);
        assertEquals(16, sum(mask), "pixels 2..5 in both directions");
        assertEquals(1, mask[2 * 10 + 2]);
        assertEquals(0, mask[6 * 10 + 6]);
    }

    @Tag("task-8.2")
    @Test
    void theExtendedMaskHoldsTheComponentsMaskAndReachesHigher() {
        double[][] face = FaceLayout.landmarks(64);
        float[] components = LandmarkMask.face(face, 64, LandmarkMask.Kind.COMPONENTS);
        float[] extended = LandmarkMask.face(face, 64, LandmarkMask.Kind.EXTENDED);
        for (int i = 0; i < components.length; i++) {
            assertTrue(extended[i] >= components[i], "pixel " + i + " is in the components mask but not in the extended one");
        }
        assertTrue(topRow(extended) < topRow(components), "the extended mask starts higher (the forehead)");
    }

    @Tag("task-8.2")
    @Test
    void theEyesAndMouthLieInsideTheFace() {
        double[][] face = FaceLayout.landmarks(64);
        float[] features = LandmarkMask.features(face, 64), mask = LandmarkMask.face(face, 64, LandmarkMask.Kind.COMPONENTS);
        assertTrue(sum(features) > 0);
        for (int i = 0; i < features.length; i++) {
            assertTrue(features[i] <= mask[i], "an eye or mouth pixel lies outside the face");
        }
        assertTrue(sum(features) < sum(mask) / 3, "eyes and mouth are a small part of the face");
    }

    @Test
    void anUnknownKindNamesTheTwoThereAre() {
        assertEquals("the mask must be components or extended, got 'hull'",
                assertThrows(IllegalArgumentException.class, () -> LandmarkMask.Kind.parse("hull")).getMessage());
    }

    static double sum(float[] mask) {
        double s = 0;
        for (float v : mask) {
            s += v;
        }
        return s;
    }

    private static int topRow(float[] mask) {
        int size = (int) Math.sqrt(mask.length);
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] > 0) {
                return i / size;
            }
        }
        return size;
    }
}
