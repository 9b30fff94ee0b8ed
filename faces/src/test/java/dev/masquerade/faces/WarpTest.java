package dev.masquerade.faces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Resampling through a similarity: the identity copies, whole-pixel shifts move, a 2x zoom interpolates, outside is black. */
class WarpTest {
    private static RgbImage grey(int width, int height, float... values) {
        float[] rgb = new float[width * height * 3];
        for (int i = 0; i < values.length; i++) {
            rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = values[i];
        }
        return new RgbImage(width, height, rgb);
    }

    private static float[] red(RgbImage image) {
        float[] out = new float[image.width() * image.height()];
        for (int i = 0; i < out.length; i++) {
            out[i] = image.rgb()[3 * i];
        }
        return out;
    }

    @Test
    void theIdentityCopiesAndAWholePixelShiftMoves() {
        RgbImage image = grey(3, 2, 1, 2, 3, 4, 5, 6);
        assertArrayEquals(image.rgb(), Warp.apply(image, new SimilarityTransform(1, 0, 0, 0), 3, 2).rgb());
        // one pixel right: the first column comes from outside (black)
        assertArrayEquals(new float[] {0, 1, 2, 0, 4, 5}, red(Warp.apply(image, new SimilarityTransform(1, 0, 1, 0), 3, 2)));
    }

    @Test
    void aZoomInterpolatesBetweenPixelsAndFadesToBlackOutside() {
        RgbImage image = grey(2, 2, 0, 100, 0, 100);
        float[] zoomed = red(Warp.apply(image, new SimilarityTransform(2, 0, 0, 0), 4, 4));
        // scale 2: output column u samples source x = (u + 0.5) / 2 − 0.5 = −0.25, 0.25, 0.75, 1.25
        float[] row1 = java.util.Arrays.copyOfRange(zoomed, 4, 8);
        assertArrayEquals(new float[] {0, 25, 75, 75}, row1, 1e-4f);
        // row 0 samples y = −0.25: a quarter of it comes from above the picture, which is black
        float[] row0 = java.util.Arrays.copyOfRange(zoomed, 0, 4);
        assertArrayEquals(new float[] {0, 18.75f, 56.25f, 56.25f}, row0, 1e-4f);
    }
}
