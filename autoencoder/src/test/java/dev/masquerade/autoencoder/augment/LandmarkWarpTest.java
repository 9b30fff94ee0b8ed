package dev.masquerade.autoencoder.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import org.junit.jupiter.api.Test;

/** Warp to landmarks: no move changes nothing; a landmark's content moves to where the other face has it; partners are the nearest faces. */
class LandmarkWarpTest {
    private static final int S = 32;

    @Test
    void landmarksThatDoNotMoveLeaveThePictureAsItIs() {
        Tensor images = Tensor.rand(new Rng(1), 2, 3, S, S);
        double[][][] points = {{{10, 10}, {20, 12}, {16, 24}}, {{8, 9}, {22, 10}, {15, 25}}};
        assertArrayEquals(images.toFloatArray(), LandmarkWarp.apply(images, points, points).toFloatArray(), 1e-6f);
    }

    @Test
    void whatIsAtALandmarkMovesToWhereTheOtherFaceHasIt() {
        // a bright spot at (12.5, 16.5), pixel (12, 16), moved by the warp to about (17.5, 16.5)
        float[] picture = new float[S * S];
        picture[16 * S + 12] = 1;
        Tensor image = Tensor.of(picture, 1, 1, S, S);
        double[][][] from = {{{12.5, 16.5}}}, to = {{{17.5, 16.5}}};
        float[] warped = LandmarkWarp.apply(image, from, to).toFloatArray();
        int brightest = 0;
        for (int i = 0; i < warped.length; i++) {
            brightest = warped[i] > warped[brightest] ? i : brightest;
        }
        assertEquals(16, brightest / S, "the same row");
        assertTrue(Math.abs(brightest % S - 17) <= 1, "the spot moved from column 12 to about 17, found at " + brightest % S);
        assertEquals(0, warped[0], 1e-6, "the corners, held by the border points, stay");
    }

    @Test
    void partnersAreTheNearestFacesByLandmarksNearestFirst() {
        double[][][] a = {{{0, 0}, {10, 0}}};
        double[][][] b = {{{5, 5}, {15, 5}}, {{0, 1}, {10, 1}}, {{30, 30}, {40, 30}}, {{1, 1}, {11, 1}}};
        assertArrayEquals(new int[] {1, 3}, LandmarkWarp.nearest(a, b, 2)[0]);
    }
}
