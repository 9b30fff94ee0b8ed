package dev.masquerade.motion.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.autoencoder.faces.FaceLandmarks;
import dev.masquerade.engine.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Talking-face clips: one person whose face moves smoothly and whose mouth opens and closes, with the true landmarks of every frame. */
class TalkingFacesTest {
    @Test
    void aClipHoldsFramesAndTheirLandmarks() {
        TalkingFaces.Clip clip = TalkingFaces.clip(dev.masquerade.autoencoder.faces.SyntheticFaces.PERSON_A, 12, 32, new Rng(1));
        assertEquals(12, clip.length());
        assertArrayEquals(new int[] {12, 3, 32, 32}, clip.frames().shape());
        assertArrayEquals(new int[] {12, FaceLandmarks.COUNT, 2}, clip.landmarks().shape());
        float[] pixels = clip.frames().toFloatArray();
        for (float v : pixels) {
            assertTrue(v >= 0 && v <= 1, "pixels in [0, 1]");
        }
        TalkingFaces.Clip again = TalkingFaces.clip(dev.masquerade.autoencoder.faces.SyntheticFaces.PERSON_A, 12, 32, new Rng(1));
        assertArrayEquals(pixels, again.frames().toFloatArray(), "the same seed makes the same clip");
    }

    @Test
    void faceMovesSmoothlyWhileTheMouthTalks() {
        List<TalkingFaces.Clip> clips = TalkingFaces.clips(10, 24, 32, new Rng(2));
        double largestStep = 0, largestGap = 0;
        for (TalkingFaces.Clip clip : clips) {
            float[] p = clip.landmarks().toFloatArray();
            int perFrame = 2 * FaceLandmarks.COUNT;
            double smallestLips = Double.MAX_VALUE, widestLips = 0;
            for (int t = 0; t < clip.length(); t++) {
                if (t > 0) {
                    for (int i = 0; i < perFrame; i++) {
                        largestStep = Math.max(largestStep, Math.abs(p[t * perFrame + i] - p[(t - 1) * perFrame + i]));
                    }
                }
                double lips = Math.hypot(p[t * perFrame + 12] - p[t * perFrame + 10], p[t * perFrame + 13] - p[t * perFrame + 11]);
                smallestLips = Math.min(smallestLips, lips);
                widestLips = Math.max(widestLips, lips);
            }
            largestGap = Math.max(largestGap, widestLips - smallestLips);
        }
        assertTrue(largestStep < 0.12, "no landmark jumps more than 0.12 (1.9 pixels of 32) between frames: " + largestStep);
        assertTrue(largestGap > 0.05, "the lips part and meet while talking: " + largestGap);
    }
}
