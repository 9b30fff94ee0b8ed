package dev.masquerade.autoencoder.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import org.junit.jupiter.api.Test;

/** The landmarks sit on the features the renderer paints, whatever the identity, expression and pose. */
class FaceLandmarksTest {
    private static final int SIZE = 128;
    private final Rng rng = new Rng(23);

    /** The colour of the pixel at picture coordinates (x, y). */
    private static double[] colourAt(FaceRenderer.Rendering r, double x, double y) {
        int px = (int) Math.floor((x + 1) / 2 * r.size()), py = (int) Math.floor((y + 1) / 2 * r.size());
        int at = py * r.size() + px, plane = r.size() * r.size();
        return new double[] {r.rgb()[at], r.rgb()[plane + at], r.rgb()[2 * plane + at]};
    }

    private static double faceAt(FaceRenderer.Rendering r, double x, double y) {
        int px = (int) Math.floor((x + 1) / 2 * r.size()), py = (int) Math.floor((y + 1) / 2 * r.size());
        return r.faceMask()[py * r.size() + px];
    }

    private Attributes randomPose(double eyeOpen, double mouthOpen) {
        Attributes a = Attributes.random(rng);
        return new Attributes(a.smile(), mouthOpen, eyeOpen, a.gazeX(), a.gazeY(), a.rotation(), a.scale(), a.shiftX(), a.shiftY(), a.yaw(),
                0, 1);
    }

    /** What a test checks of one random face: its trial number, pose, rendering and landmarks. */
    private interface FaceCheck {
        void check(int trial, Attributes at, FaceRenderer.Rendering r, double[] points);
    }

    /** Runs {@code check} on 20 random people in random poses, eyes open, the mouth opened by {@code mouthOpen}. */
    private void forRandomFaces(double mouthOpen, FaceCheck check) {
        for (int trial = 0; trial < 20; trial++) {
            Identity id = Identity.random(rng);
            Attributes at = randomPose(1, mouthOpen);
            check.check(trial, at, FaceRenderer.render(id, at, SIZE), FaceLandmarks.of(id, at));
        }
    }

    @Test
    void thePupilsAreDarkAndTheOpenMouthIsDarkRed() {
        forRandomFaces(1, (trial, at, r, points) -> {
            for (int eye = 0; eye < 2; eye++) {
                double[] pupil = colourAt(r, points[2 * eye], points[2 * eye + 1]);
                assertTrue(pupil[0] < 0.15 && pupil[1] < 0.15 && pupil[2] < 0.15, "trial " + trial + ": " + FaceLandmarks.NAMES[eye]
                        + " is not on the pupil: " + java.util.Arrays.toString(pupil));
            }
            double[] mouth = colourAt(r, (points[10] + points[12]) / 2, (points[11] + points[13]) / 2);
            assertTrue(mouth[0] > 2 * mouth[1] && mouth[1] < 0.12, "trial " + trial + ": between the lips is not inside the mouth: "
                    + java.util.Arrays.toString(mouth));
        });
    }

    @Test
    void theChinIsTheFacesLowestPointAndFollowsTheHeadsTilt() {
        forRandomFaces(0, (trial, at, r, points) -> {
            // the face's own "down", tilted with the head
            double downX = -Math.sin(at.rotation()), downY = Math.cos(at.rotation()), step = 0.05 * at.scale();
            assertEquals(1, faceAt(r, points[14] - step * downX, points[15] - step * downY), 1e-9, "trial " + trial + ": above the chin is face");
            assertEquals(0, faceAt(r, points[14] + step * downX, points[15] + step * downY), 1e-9, "trial " + trial + ": below it is not");
        });
    }

    @Test
    void aSmileLiftsTheMouthCornersAndOpeningTheMouthPartsTheLips() {
        Identity id = SyntheticFaces.PERSON_A;
        double[] neutral = FaceLandmarks.of(id, Attributes.NEUTRAL);
        double[] smiling = FaceLandmarks.of(id, new Attributes(1, 0.8, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1));
        assertTrue(smiling[7] < neutral[7] && smiling[9] < neutral[9], "corners up (y points down)");
        assertEquals(0, neutral[13] - neutral[11], 1e-12, "closed lips meet");
        assertEquals(2 * 0.8 * 0.07, smiling[13] - smiling[11], 1e-12, "open lips part by twice the opening's half-height");
    }
}
