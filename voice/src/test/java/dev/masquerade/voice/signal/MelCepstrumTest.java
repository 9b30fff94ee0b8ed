package dev.masquerade.voice.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Mel-cepstra are an orthonormal change of basis of the log-mel values, and the MCD a distance on them in decibels. */
class MelCepstrumTest {
    @Test
    void allCoefficientsKeepTheFramesEnergy() {
        Random random = new Random(2);
        double[][] logMel = new double[1][24];
        double energy = 0;
        for (int m = 0; m < 24; m++) {
            logMel[0][m] = random.nextGaussian();
            energy += logMel[0][m] * logMel[0][m];
        }
        double[] c = MelCepstrum.of(logMel, 24)[0];
        double cepstralEnergy = 0;
        for (double v : c) {
            cepstralEnergy += v * v;
        }
        assertEquals(energy, cepstralEnergy, 1e-9, "Parseval: the DCT-II here is orthonormal");
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
