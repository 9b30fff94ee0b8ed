package dev.masquerade.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Eroding, dilating and feathering a mask before blending. */
class BlendMaskTest {

    @Test
    void erosionAndDilationMoveASquaresEdgeByTheRadius() {
        float[] square = square(20, 5, 15);
        assertEquals(6 * 6, LandmarkMaskTest.sum(BlendMask.erode(square, 20, 2)), "10x10 shrinks to 6x6");
        assertEquals(14 * 14, LandmarkMaskTest.sum(BlendMask.dilate(square, 20, 2)), "10x10 grows to 14x14");
        assertEquals(LandmarkMaskTest.sum(square), LandmarkMaskTest.sum(BlendMask.erode(square, 20, 0)), "radius 0 changes nothing");
    }

    @Test
    void aSoftenedMaskIsOneDeepInsideZeroFarOutsideAndRampsBetween() {
        float[] soft = BlendMask.soften(square(40, 10, 30), 40, 2, 6);
        assertEquals(1, soft[20 * 40 + 20], 1e-6, "the middle stays whole");
        assertEquals(0, soft[20 * 40 + 5], 1e-6, "eroded to 12..28, feathered 6 pixels either side: nothing reaches x = 5");
        assertTrue(soft[20 * 40 + 6] > 0, "but x = 6 gets a little");
        for (int x = 1; x < 20; x++) {
            assertTrue(soft[20 * 40 + x] >= soft[20 * 40 + x - 1], "the ramp rises towards the middle");
            assertTrue(soft[20 * 40 + x] >= 0 && soft[20 * 40 + x] <= 1);
        }
        assertEquals(0.5, soft[20 * 40 + 12], 0.1, "at the eroded edge the mask is about half-way");
    }

    @Test
    void negativeSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> BlendMask.soften(new float[16], 4, -1, 2));
    }

    /** 1 on [from, to) in both directions of a size × size mask. */
    static float[] square(int size, int from, int to) {
        float[] mask = new float[size * size];
        for (int y = from; y < to; y++) {
            for (int x = from; x < to; x++) {
                mask[y * size + x] = 1;
            }
        }
        return mask;
    }
}
