package dev.masquerade.tutorials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Chapter 30: the facts behind its numbers. */
class MotionChapterTest {
    @Test
    void theFirstOrderMotionTurnsThePixelAboutTheSourceKeypoint() {
        double a = Math.toRadians(MotionChapter.DEGREES);
        // s + R(z − d) with s = (0.1, 0), d = (0, 0), z = (0.3, 0)
        assertArrayEquals(new double[] {0.1 + 0.3 * Math.cos(a), 0.3 * Math.sin(a)}, MotionChapter.motionOfOnePixel(MotionChapter.rotation(
                MotionChapter.DEGREES)), 1e-12);
        assertArrayEquals(new double[] {0.4, 0}, MotionChapter.motionOfOnePixel(MotionChapter.identity()), 1e-12, "z + s − d");
    }

    @Test
    void theSamplersWeightsSumToOneAndItsSlopesAreMixedDifferences() {
        double[] s = MotionChapter.samplerAtOnePoint();
        assertEquals(1, s[3] + s[4] + s[5] + s[6], 1e-12);
        assertEquals(0.5 * (3 - 1) + 0.5 * (7 - 5), s[1], 1e-12);
        assertEquals(0.75 * (5 - 1) + 0.25 * (7 - 3), s[2], 1e-12);
    }

    @Test
    void aKeypointThatFollowsTheBlobScoresFarBelowOneThatStaysPut() {
        assertTrue(MotionChapter.equivarianceOfSoftArgmax() < 0.2 * 0.135);
    }
}
