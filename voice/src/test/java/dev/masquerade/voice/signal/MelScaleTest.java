package dev.masquerade.voice.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The mel scale, its triangular filters, and the log-mel spectrogram. */
class MelScaleTest {
    @Test
    void aThousandHertzIsAboutAThousandMelsAndTheScaleInverts() {
        assertEquals(1000, MelScale.hertzToMel(1000), 0.1);
        assertEquals(2595 * Math.log10(2), MelScale.hertzToMel(700), 1e-9);
        for (double f : new double[] {0, 123, 4000, 7999}) {
            assertEquals(f, MelScale.melToHertz(MelScale.hertzToMel(f)), 1e-9);
        }
    }

    @Test
    @Tag("task-13.3")
    void eachFilterIsATrianglePeakingAtOneAndNeighboursOverlapByHalf() {
        double[][] bank = MelScale.filterbank(40, 512, 16000, 0, 8000);
        for (double[] filter : bank) {
            double peak = 0;
            for (double v : filter) {
                assertTrue(v >= 0 && v <= 1);
                peak = Math.max(peak, v);
            }
            assertTrue(peak > 0.5, "every filter covers at least one bin near its centre");
        }
        double secondCentre = MelScale.melToHertz(MelScale.hertzToMel(8000) * 2 / 41), lastCentre = MelScale.melToHertz(MelScale.hertzToMel(8000) * 40 / 41);
        for (int k = (int) Math.ceil(secondCentre * 512 / 16000); k <= lastCentre * 512 / 16000; k++) {
            // between the first and the last filter's peaks, the two filters over a bin sum to 1
            double sum = 0;
            for (double[] filter : bank) {
                sum += filter[k];
            }
            assertEquals(1, sum, 1e-9, "bin " + k);
        }
    }

    @Test
    @Tag("task-13.3")
    void aToneLightsTheBandAroundItsFrequency() {
        int rate = 16000;
        double[] x = new double[rate / 4];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(2 * Math.PI * 2000 * i / rate);
        }
        double[][] bank = MelScale.filterbank(40, 512, rate, 0, 8000);
        double[] frame = MelScale.logMel(Stft.forward(x, 512, 128), bank)[10];
        int loudest = 0;
        for (int m = 1; m < frame.length; m++) {
            loudest = frame[m] > frame[loudest] ? m : loudest;
        }
        double centre = MelScale.melToHertz(MelScale.hertzToMel(8000) * (loudest + 1) / 41);
        assertEquals(2000, centre, 150, "band " + loudest + " is centred at " + centre + " Hz");
    }

    @Test
    @Tag("task-13.3")
    void aFlatSpectrumComesBackFlatFromItsLogMel() {
        double[][] bank = MelScale.filterbank(40, 512, 16000, 0, 8000);
        double[][] flat = new double[1][257];
        java.util.Arrays.fill(flat[0], 2.0);
        double[][] logMel = new double[1][40];
        for (int m = 0; m < 40; m++) {
            double power = 0;
            for (int k = 0; k < 257; k++) {
                power += bank[m][k] * 4.0;
            }
            logMel[0][m] = Math.log(power);
        }
        double[][] back = MelScale.toMagnitude(logMel, bank);
        for (int k = 1; k < 256; k++) {
            assertEquals(2.0, back[0][k], 1e-9, "bin " + k);
        }
    }
}
