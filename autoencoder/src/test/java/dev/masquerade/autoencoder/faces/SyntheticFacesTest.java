package dev.masquerade.autoencoder.faces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.autoencoder.FaceSet;
import dev.masquerade.engine.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in faces: repeatable, different people, attributes that show. */
class SyntheticFacesTest {

    private static double meanAbsoluteDifference(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / a.length;
    }

    @Test
    void theSameSeedDrawsTheSameFaces() {
        FaceSet first = SyntheticFaces.trainingSet(SyntheticFaces.PERSON_A, 4, 64, new Rng(5));
        FaceSet second = SyntheticFaces.trainingSet(SyntheticFaces.PERSON_A, 4, 64, new Rng(5));
        assertArrayEquals(first.images().toFloatArray(), second.images().toFloatArray());
        assertArrayEquals(new int[] {4, 3, 64, 64}, first.images().shape());
        assertArrayEquals(new int[] {4, 1, 64, 64}, first.faceMasks().shape());
    }

    @Test
    void theTwoPeopleLookDifferentWithTheSameAttributes() {
        var pairs = SyntheticFaces.swapPairs(8, 64, new Rng(1));
        double between = meanAbsoluteDifference(pairs.a().images().toFloatArray(), pairs.b().images().toFloatArray());
        assertTrue(between > 0.08, "A and B differ by only " + between);
    }

    @Test
    void expressionChangesTheMouthAndNothingOutsideTheFace() {
        Attributes neutral = Attributes.NEUTRAL;
        Attributes smiling = new Attributes(1, 0.8, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1);
        FaceSet faces = SyntheticFaces.render(SyntheticFaces.PERSON_B, List.of(neutral, smiling), 64);
        float[] images = faces.images().toFloatArray();
        float[] featureMask = faces.featureMasks().toFloatArray();
        float[] faceMask = faces.faceMasks().toFloatArray();
        int plane = 64 * 64;
        double inFeatures = 0, outsideFace = 0;
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < plane; p++) {
                double change = Math.abs(images[c * plane + p] - images[3 * plane + c * plane + p]);
                inFeatures += featureMask[p] * change;
                outsideFace += faceMask[p] == 0 && faceMask[plane + p] == 0 ? change : 0;
            }
        }
        assertTrue(inFeatures > 5, "a smile with an open mouth should change the mouth region, changed " + inFeatures);
        assertEquals(0, outsideFace, 1e-9, "the background must not depend on the expression");
    }

    @Test
    void poseMovesTheFace() {
        Attributes shifted = new Attributes(0, 0, 1, 0, 0, 0, 1, 0.1, 0, 0, 0, 1);
        FaceSet faces = SyntheticFaces.render(SyntheticFaces.PERSON_A, List.of(Attributes.NEUTRAL, shifted), 64);
        float[] masks = faces.faceMasks().toFloatArray();
        double centreNeutral = 0, centreShifted = 0, areaNeutral = 0, areaShifted = 0;
        for (int p = 0; p < 64 * 64; p++) {
            centreNeutral += masks[p] * (p % 64);
            areaNeutral += masks[p];
            centreShifted += masks[64 * 64 + p] * (p % 64);
            areaShifted += masks[64 * 64 + p];
        }
        // a shift of 0.1 in picture coordinates (-1..1) is 3.2 pixels at 64 pixels
        assertEquals(3.2, centreShifted / areaShifted - centreNeutral / areaNeutral, 0.3);
    }
}
