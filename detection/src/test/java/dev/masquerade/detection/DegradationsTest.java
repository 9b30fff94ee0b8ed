package dev.masquerade.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import org.junit.jupiter.api.Test;

/** Blur and JPEG: what a picture meets on its way round the internet, and what they do to a generator's checkerboard. */
class DegradationsTest {
    private final Tensor smooth = TestPictures.smoothNoise(new Rng(4), 32);

    private static double maxDifference(Tensor a, Tensor b) {
        return a.sub(b).abs().max().item();
    }

    @Test
    void aBlurKeepsAFlatPictureFlatAndWipesOutACheckerboard() {
        Tensor flat = Tensor.full(0.4, 3, 9, 7);
        assertArrayEquals(flat.toDoubleArray(), Degradations.blur(flat, 2).toDoubleArray(), 1e-6);
        // the 7 taps of σ = 1 pass ½ cycle per pixel by Σ kᵢ(−1)ⁱ / Σ kᵢ = 1.41% along each axis; a checkerboard is that on both: 0.0199%
        Tensor blurredBoard = Degradations.blur(TestPictures.checkerboard(32), 1).narrow(1, 4, 24).narrow(2, 4, 24);
        assertEquals(1.9946e-4, blurredBoard.abs().max().item(), 1e-7);
        assertTrue(maxDifference(Degradations.blur(smooth, 0), smooth) == 0, "σ = 0 leaves the picture alone");
    }

    @Test
    void jpegAtQualityHundredIsCloseAndAtTenIsNot() {
        Tensor best = Degradations.jpeg(smooth, 100), worst = Degradations.jpeg(smooth, 10);
        assertArrayEquals(smooth.shape(), best.shape());
        assertTrue(maxDifference(best, smooth) < 0.02, "quality 100: " + maxDifference(best, smooth));
        assertTrue(maxDifference(worst, smooth) > 3 * maxDifference(best, smooth), "quality 10: " + maxDifference(worst, smooth));
        Tensor colour = Tensor.rand(new Rng(1), 3, 16, 16);
        assertArrayEquals(new int[] {3, 16, 16}, Degradations.jpeg(colour, 75).shape(), "colour stays colour");
    }

    @Test
    void aQualityOutsideOneToHundredIsRefused() {
        var error = assertThrows(IllegalArgumentException.class, () -> Degradations.jpeg(smooth, 0));
        assertEquals("JPEG quality must be from 1 to 100, got 0", error.getMessage());
    }
}
