package dev.masquerade.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.faces.RgbImage;
import dev.masquerade.faces.SimilarityTransform;
import dev.masquerade.faces.Warp;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Pasting a crop back into its frame, and the seam measures of the result. */
class PasteAndSeamTest {
    /** Frame pixels to a 32-pixel crop: half the size, shifted. */
    private static final SimilarityTransform TO_CROP = new SimilarityTransform(0.5, 0, -10, -8);

    @Tag("task-8.3")
    @Test
    void pastingTheCropCutFromAFrameBackThroughAFullMaskChangesLittle() {
        RgbImage frame = gradient(96, 80);
        RgbImage copy = copy(frame);
        Paste.into(copy, Warp.apply(frame, TO_CROP, 32, 32), full(32), TO_CROP);
        double worst = 0;
        // the crop covers frame x 20..84, y 16..80; a pixel from its border on blends with the black beyond it
        for (int y = 18; y < 78; y++) {
            for (int x = 22; x < 82; x++) {
                for (int c = 0; c < 3; c++) {
                    worst = Math.max(worst, Math.abs(copy.at(x, y, c) - frame.at(x, y, c)));
                }
            }
        }
        assertTrue(worst < 1, "a linear ramp survives the round trip to a half-size crop, off by " + worst);
    }

    @Tag("task-8.3")
    @Test
    void anEmptyMaskLeavesTheFrameAsItWasAndAFullOneCoversTheCropsFootprint() {
        RgbImage frame = gradient(96, 80), white = flat(32, 255);
        RgbImage untouched = copy(frame);
        Paste.into(untouched, white, new float[32 * 32], TO_CROP);
        assertTrue(Arrays.equals(frame.rgb(), untouched.rgb()));
        RgbImage pasted = copy(frame);
        Paste.into(pasted, white, full(32), TO_CROP);
        assertEquals(255, pasted.at(50, 50, 0), 1e-3, "(50, 50) maps to the crop's (15, 17): inside");
        assertEquals(frame.at(5, 5, 0), pasted.at(5, 5, 0), "(5, 5) maps outside the crop");
    }

    @Tag("task-8.3")
    @Test
    void anUnchangedFrameHasNoSeamAndAPastedPatchOfAnotherColourHasOne() {
        RgbImage original = gradient(32, 32);
        float[] mask = BlendMaskTest.square(32, 8, 24);
        SeamMetrics same = SeamMetrics.measure(original, original, mask);
        assertEquals(1, same.seam(), 1e-12);
        assertEquals(0, same.colourStep(), 1e-12);
        assertEquals(0, same.edgeAdded(), 1e-12);
        RgbImage patched = copy(original);
        SimilarityTransform identity = new SimilarityTransform(1, 0, 0, 0);
        Paste.into(patched, flat(32, 250), mask, identity);
        SeamMetrics hard = SeamMetrics.measure(original, patched, mask);
        assertTrue(hard.seam() > 3, "a hard edge of a bright patch raises the gradient on the ring, got " + hard.seam());
        assertTrue(hard.colourStep() > 100, "the patch is far brighter than around it, got " + hard.colourStep());
        RgbImage feathered = copy(original);
        Paste.into(feathered, flat(32, 250), BlendMask.soften(mask, 32, 0, 6), identity);
        SeamMetrics soft = SeamMetrics.measure(original, feathered, mask);
        assertTrue(soft.seam() < hard.seam() && soft.edgeAdded() < hard.edgeAdded(), "feathering spreads the edge out");
    }

    static RgbImage gradient(int width, int height) {
        float[] rgb = new float[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                rgb[(y * width + x) * 3] = x;
                rgb[(y * width + x) * 3 + 1] = y;
                rgb[(y * width + x) * 3 + 2] = 100;
            }
        }
        return new RgbImage(width, height, rgb);
    }

    static RgbImage flat(int size, float value) {
        float[] rgb = new float[size * size * 3];
        Arrays.fill(rgb, value);
        return new RgbImage(size, size, rgb);
    }

    static RgbImage copy(RgbImage image) {
        return new RgbImage(image.width(), image.height(), image.rgb().clone());
    }

    private static float[] full(int size) {
        float[] mask = new float[size * size];
        Arrays.fill(mask, 1);
        return mask;
    }
}
