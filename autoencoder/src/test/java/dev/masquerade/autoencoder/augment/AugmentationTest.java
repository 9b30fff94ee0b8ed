package dev.masquerade.autoencoder.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.autoencoder.FaceSet;
import dev.masquerade.autoencoder.faces.SyntheticFaces;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import org.junit.jupiter.api.Test;

/** The deepfake augmentation: what moves, what is warped, what is matched. */
class AugmentationTest {
    private final FaceSet faces = SyntheticFaces.trainingSet(SyntheticFaces.PERSON_A, 6, 64, new Rng(2));

    @Test
    void onlyTheInputIsWarped() {
        Augmentation warpOnly = new Augmentation(true, 0.03, 0, 0, 0, false, ColourMatch.Method.NONE);
        Augmentation.Example example = warpOnly.apply(faces, null, new Rng(1));
        assertArrayEquals(faces.images().toFloatArray(), example.target().toFloatArray(), "the target must stay unwarped");
        double change = example.input().sub(example.target()).abs().mean().item();
        assertTrue(change > 0.005, "the input should be warped, mean change " + change);
    }

    @Test
    void masksMoveWithTheirPicture() {
        Augmentation flipOnly = new Augmentation(false, 0, 0, 0, 0, true, ColourMatch.Method.NONE);
        Augmentation.Example example = flipOnly.apply(faces, null, new Rng(3));
        int flipped = 0;
        for (int i = 0; i < faces.size(); i++) {
            Tensor original = faces.images().narrow(0, i, 1);
            Tensor mirrored = mirror(original);
            Tensor result = example.target().narrow(0, i, 1);
            boolean isMirrored = result.sub(mirrored).abs().max().item() == 0;
            assertTrue(isMirrored || result.sub(original).abs().max().item() == 0, "face " + i + " is neither itself nor its mirror");
            Tensor mask = faces.faceMasks().narrow(0, i, 1);
            assertArrayEquals((isMirrored ? mirror(mask) : mask).toFloatArray(), example.faceMask().narrow(0, i, 1).toFloatArray(),
                    "the mask of face " + i + " must be flipped like the face");
            flipped += isMirrored ? 1 : 0;
        }
        assertTrue(flipped > 0 && flipped < faces.size(), "about half should be flipped, got " + flipped);
    }

    @Test
    void noAugmentationLeavesTheFacesAlone() {
        Augmentation.Example example = Augmentation.NONE.apply(faces, null, new Rng(4));
        assertArrayEquals(faces.images().toFloatArray(), example.input().toFloatArray());
        assertArrayEquals(faces.featureMasks().toFloatArray(), example.featureMask().toFloatArray());
    }

    private static Tensor mirror(Tensor images) {
        int w = images.size(3);
        int[] reversed = new int[w];
        for (int x = 0; x < w; x++) {
            reversed[x] = w - 1 - x;
        }
        return images.indexSelect(3, Tensor.indices(reversed, w));
    }

    @Test
    void meanMatchingGivesTheReferenceMeans() {
        Tensor images = Tensor.rand(new Rng(1), 2, 3, 16, 16).mul(0.5).add(0.25);
        Tensor references = Tensor.rand(new Rng(2), 2, 3, 16, 16).mul(0.4).add(0.3);
        Tensor matched = ColourMatch.match(images, references, ColourMatch.Method.MEAN);
        float[] want = references.mean(new int[] {2, 3}, false).toFloatArray();
        float[] got = matched.mean(new int[] {2, 3}, false).toFloatArray();
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], 1e-5);
        }
    }

    @Test
    void aWarpedInputGivenIsTheInputAndTheTargetStaysClean() {
        FaceSet faces = new FaceSet(Tensor.rand(new Rng(3), 2, 3, 8, 8), null, null);
        Tensor warped = Tensor.rand(new Rng(4), 2, 3, 8, 8);
        Augmentation.Example example = Augmentation.NONE.apply(faces, null, warped, new Rng(5));
        assertArrayEquals(warped.toFloatArray(), example.input().toFloatArray(), 0f);
        assertArrayEquals(faces.images().toFloatArray(), example.target().toFloatArray(), 0f);
    }

    @Test
    void maskedMatchingTakesTheStatisticsInsideTheMaskOnly() {
        // the image is 0.2 inside a square and 0.9 around it; the reference, 0.6 inside and 0 around
        float[] square = new float[64];
        for (int y = 2; y < 6; y++) {
            for (int x = 2; x < 6; x++) {
                square[y * 8 + x] = 1;
            }
        }
        Tensor mask = Tensor.of(square, 1, 1, 8, 8);
        Tensor inside = mask.expand(1, 3, 8, 8).contiguous();
        Tensor image = inside.mul(0.2).add(inside.neg().add(1).mul(0.9));
        Tensor reference = inside.mul(0.6);
        float[] masked = ColourMatch.match(image, reference, mask, ColourMatch.Method.MEAN).toFloatArray();
        assertEquals(0.6, masked[3 * 8 + 3], 1e-6, "inside: shifted by 0.6 - 0.2, the means inside the mask");
        assertEquals(1.0, masked[0], 1e-6, "outside: the same shift, 0.9 + 0.4, clipped to 1");
        float[] whole = ColourMatch.match(image, reference, ColourMatch.Method.MEAN).toFloatArray();
        assertEquals(0.0, whole[3 * 8 + 3], 1e-6, "unmasked, the shift is of whole means, 0.15 - 0.725: the square goes black");
    }

    @Test
    void labConversionRoundTrips() {
        double[][] channels = {{0.1, 0.5, 0.9, 1.0}, {0.2, 0.5, 0.3, 0.0}, {0.7, 0.5, 0.1, 0.5}};
        double[][] copy = {channels[0].clone(), channels[1].clone(), channels[2].clone()};
        ColourMatch.rgbToLab(copy);
        assertEquals(53.4, copy[0][1], 0.5, "mid grey has lightness about 53");
        assertEquals(0, copy[1][1], 0.01, "grey has no a*");
        ColourMatch.labToRgb(copy);
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(channels[c], copy[c], 1e-3);
        }
    }

    @Test
    void reinhardMovesTheColoursTowardsTheReference() {
        var pairs = SyntheticFaces.swapPairs(2, 64, new Rng(7));
        Tensor matched = ColourMatch.match(pairs.a().images(), pairs.b().images(), ColourMatch.Method.REINHARD);
        double before = pairs.a().images().mean(new int[] {2, 3}, false).sub(pairs.b().images().mean(new int[] {2, 3}, false)).abs().mean().item();
        double after = matched.mean(new int[] {2, 3}, false).sub(pairs.b().images().mean(new int[] {2, 3}, false)).abs().mean().item();
        assertTrue(after < before / 3, "channel means should move most of the way: " + before + " -> " + after);
    }
}
