package dev.masquerade.voice.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Mel-cepstra are an orthonormal change of basis of the log-mel values, and the MCD a distance on them in decibels. */
class MelCepstrumTest {
    @Test
    void theCoefficientsOfASumOfCosinesAreItsWeights() {
        int mels = 24;
        double[] c = {1.5, -0.7, 0.3, 0.05};
        double[][] logMel = new double[1][mels];
        for (int m = 0; m < mels; m++) {
            double amplitude = 0;
            for (int d = 0; d < c.length; d++) {
                amplitude += c[d] * Math.cos(Math.PI * d * (m + 0.5) / mels);
            }
            logMel[0][m] = 2 * amplitude; // log power is twice the log amplitude
        }
        double[] back = MelCepstrum.of(logMel, 6)[0];
        for (int d = 0; d < 6; d++) {
            assertEquals(d < c.length ? c[d] : 0, back[d], 1e-12, "coefficient " + d);
        }
    }

    @Test
    void theDistortionIsZeroForTheSameFramesAndIgnoresLoudness() {
        double[][] a = {{5, 1, 2}, {7, 0, 1}};
        double[][] louder = {{9, 1, 2}, {0, 0, 1}};
        int[][] path = {{0, 0}, {1, 1}};
        assertEquals(0, MelCepstrum.distortion(a, louder, path), 0, "coefficient 0 is left out");
        double[][] b = {{5, 1, 2}, {7, 3, 5}};
        // frame 1 differs by (3, 4): (10/ln 10)·√(2·25), averaged with frame 0's 0
        assertEquals(10 / Math.log(10) * Math.sqrt(50) / 2, MelCepstrum.distortion(a, b, path), 1e-12);
    }
}
