package dev.masquerade.voice.signal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Griffin-Lim's alternating projections bring the magnitudes closer round after round. */
class GriffinLimTest {
    @Test
    void theSpectralConvergenceFallsWithTheRounds() {
        int rate = 16000, size = 512, hop = 128;
        double[] chirp = new double[rate / 2];
        for (int i = 0; i < chirp.length; i++) {
            double t = (double) i / rate;
            chirp[i] = 0.5 * Math.sin(2 * Math.PI * (300 * t + 2000 * t * t)); // 300 Hz rising to 2,300
        }
        double[][] magnitude = Stft.forward(chirp, size, hop).magnitude();
        double previous = Double.POSITIVE_INFINITY;
        for (int rounds : new int[] {0, 5, 30}) {
            double[] x = GriffinLim.reconstruct(magnitude, size, hop, chirp.length, rounds, 7);
            double convergence = GriffinLim.spectralConvergence(magnitude, x, size, hop);
            assertTrue(convergence < previous, rounds + " rounds: " + convergence + " is not below " + previous);
            previous = convergence;
        }
        assertTrue(previous < 0.15, "after 30 rounds: " + previous);
    }
}
