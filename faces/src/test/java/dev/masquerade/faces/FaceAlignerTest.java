package dev.masquerade.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The aligner undoes a face's rotation, scale and position: its five points land on the template. */
class FaceAlignerTest {

    /** 68 landmarks whose five alignment points are the given ones (every point of an eye at its centre). */
    private static double[][] landmarksWith(double[][] five) {
        double[][] landmarks = new double[68][];
        for (int i = 0; i < 68; i++) {
            landmarks[i] = new double[] {0, 0};
        }
        for (int i = 36; i < 42; i++) {
            landmarks[i] = five[0].clone();
        }
        for (int i = 42; i < 48; i++) {
            landmarks[i] = five[1].clone();
        }
        landmarks[30] = five[2];
        landmarks[48] = five[3];
        landmarks[54] = five[4];
        return landmarks;
    }

    @Test
    void aTurnedShiftedScaledFaceLandsOnTheTemplate() {
        FaceAligner aligner = new FaceAligner(128, 0.75);
        double[][] template = aligner.template();
        // the template as it appears in a picture: turned by 20°, 1.7 times as large, moved
        SimilarityTransform placed = new SimilarityTransform(1.7 * Math.cos(Math.toRadians(20)), 1.7 * Math.sin(Math.toRadians(20)), 240, 90);
        double[][] five = new double[5][];
        for (int i = 0; i < 5; i++) {
            five[i] = placed.apply(template[i]);
        }
        SimilarityTransform toCrop = aligner.toCrop(landmarksWith(five));
        assertEquals(1 / 1.7, toCrop.scale(), 1e-12);
        assertEquals(-20, toCrop.rotationDegrees(), 1e-9);
        for (int i = 0; i < 5; i++) {
            double[] back = toCrop.apply(five[i]);
            assertEquals(template[i][0], back[0], 1e-9);
            assertEquals(template[i][1], back[1], 1e-9);
        }
    }

    @Test
    void coverageDrawsTheTemplateTowardsTheCentre() {
        double[][] tight = new FaceAligner(112, 1).template(), loose = new FaceAligner(112, 0.5).template();
        assertEquals(38.2946, tight[0][0], 1e-9, "coverage 1 is ArcFace's own template");
        assertEquals(56 + (38.2946 - 56) / 2, loose[0][0], 1e-9);
    }

    @Test
    void badArgumentsAreNamed() {
        assertThrows(IllegalArgumentException.class, () -> new FaceAligner(4, 0.8));
        assertThrows(IllegalArgumentException.class, () -> new FaceAligner(64, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FaceAligner(64, 0.8).toCrop(new double[5][2]));
        assertEquals("alignment needs the 68 landmarks of FaceLandmarkNet, got 5 points", e.getMessage());
    }
}
