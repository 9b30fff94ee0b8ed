package dev.masquerade.voice.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Resampling keeps what the new rate can hold and removes what it cannot. */
class ResamplerTest {
    private static double[] tone(double hertz, int rate, int length) {
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            x[i] = Math.sin(2 * Math.PI * hertz * i / rate);
        }
        return x;
    }

    @Test
    void aToneBelowBothLimitsIsReadAtTheNewInstants() {
        double[] out = Resampler.resample(tone(440, 44100, 44100), 44100, 16000);
        assertEquals(16000, out.length);
        double[] expected = tone(440, 16000, 16000);
        double worst = 0;
        for (int i = 200; i < out.length - 200; i++) { // away from the ends, where the filter runs out of samples
            worst = Math.max(worst, Math.abs(out[i] - expected[i]));
        }
        assertTrue(worst < 2e-3, "largest error " + worst);
    }

    @Test
    void aToneAboveTheNewNyquistLimitIsFilteredOutNotFoldedBack() {
        double[] out = Resampler.resample(tone(10_000, 44100, 44100), 44100, 16000); // 10 kHz would alias to 6 kHz
        double power = 0;
        for (int i = 200; i < out.length - 200; i++) {
            power += out[i] * out[i];
        }
        double rms = Math.sqrt(power / (out.length - 400));
        assertTrue(rms < 0.01, "what is left of a tone of rms 0.71: " + rms);
    }

    @Test
    void upsamplingInterpolatesAndTheSameRateCopies() {
        double[] out = Resampler.resample(tone(300, 8000, 8000), 8000, 16000);
        double[] expected = tone(300, 16000, 16000);
        for (int i = 400; i < out.length - 400; i++) {
            assertEquals(expected[i], out[i], 2e-3, "sample " + i);
        }
        double[] x = tone(300, 16000, 100);
        assertArrayEquals(x, Resampler.resample(x, 16000, 16000));
    }
}
