package dev.masquerade.voice.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The STFT and its inverse: frames where they should be, tones in their bins, and perfect reconstruction. */
class StftTest {
    @Test
    @Tag("task-13.1")
    void theInverseGivesTheSignalBackForEveryHopUpToHalfAWindow() {
        Random random = new Random(1);
        double[] x = new double[4000];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        for (int[] sizeAndHop : new int[][] {{512, 128}, {512, 256}, {400, 100}, {256, 64}}) {
            Spectrogram s = Stft.forward(x, sizeAndHop[0], sizeAndHop[1]);
            assertEquals(1 + x.length / sizeAndHop[1], s.frames());
            double[] back = Stft.inverse(s, x.length);
            double worst = 0;
            for (int i = 0; i < x.length; i++) {
                worst = Math.max(worst, Math.abs(back[i] - x[i]));
            }
            assertTrue(worst < 1e-10, "window " + sizeAndHop[0] + ", hop " + sizeAndHop[1] + ": largest error " + worst);
        }
    }

    @Test
    void aToneLandsInTheBinOfItsFrequency() {
        int rate = 16000, size = 512;
        double[] x = new double[rate / 4];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(2 * Math.PI * 1000 * i / rate);
        }
        double[] frame = Stft.forward(x, size, 128).magnitude()[10];
        int peak = 0;
        for (int k = 1; k < frame.length; k++) {
            peak = frame[k] > frame[peak] ? k : peak;
        }
        assertEquals(1000.0 * size / rate, peak, 0.5, "bin k is k·rate/size Hz");
    }

    @Test
    void theHannWindowsSquaredAddUpToAConstantAtAQuarterWindowApart() {
        double[] w = Stft.hann(64);
        for (int n = 0; n < 16; n++) {
            double sum = 0;
            for (int shift = 0; shift < 64; shift += 16) {
                sum += w[(n + shift) % 64] * w[(n + shift) % 64];
            }
            assertEquals(1.5, sum, 1e-12);
        }
    }

    @Test
    void aSoundShorterThanHalfAWindowIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Stft.forward(new double[200], 512, 128));
        assertEquals("stft: the sound has 200 samples, not more than half a window (256); it is too short to analyse", e.getMessage());
    }

    @Test
    void mirroringPadsWithoutRepeatingTheEdge() {
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {3, 2, 1, 2, 3, 4, 3, 2},
                Stft.reflectPad(new double[] {1, 2, 3, 4}, 2));
    }
}
