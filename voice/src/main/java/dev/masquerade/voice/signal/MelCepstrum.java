package dev.masquerade.voice.signal;

/**
 * Mel-cepstra and the mel-cepstral distortion (MCD), the standard measure of how far a converted
 * voice is from the real one. A frame's log amplitude over the M mel bands, A(m) = ½·log-power,
 * is written as a sum of cosines, A(m) = c₀ + Σ_{d≥1} c_d·cos(πd(m + ½)/M): the mel-cepstrum c.
 * Its low coefficients describe the smooth shape of the spectrum (the vocal tract's resonances,
 * most of what makes a voice sound like a person) and drop the fine ripple of the pitch;
 * c₀ is the overall loudness and is left out of the distance. The cosines are orthogonal over
 * the bands, so c_d = (2/M)·Σ_m A(m)·cos(πd(m + ½)/M) (and c₀ the mean). Between two aligned
 * frames, MCD = (10/ln 10)·√(2·Σ_{d≥1} (c_d − ĉ_d)²) decibels, averaged over the frame pairs.
 */
public final class MelCepstrum {
    private static final double DECIBELS = 10 / Math.log(10);

    private MelCepstrum() {
    }

    /** The first {@code count} mel-cepstral coefficients of each frame of a log-mel (log power) spectrogram. */
    public static double[][] of(double[][] logMel, int count) {
        int mels = logMel[0].length;
        if (count < 2 || count > mels) {
            throw new IllegalArgumentException("mel-cepstrum: needs 2 to " + mels + " coefficients, got " + count);
        }
        double[][] out = new double[logMel.length][count];
        for (int f = 0; f < logMel.length; f++) {
            for (int d = 0; d < count; d++) {
                double sum = 0;
                for (int m = 0; m < mels; m++) {
                    sum += 0.5 * logMel[f][m] * Math.cos(Math.PI * d * (m + 0.5) / mels); // ½·log power: the log amplitude
                }
                out[f][d] = sum * (d == 0 ? 1.0 : 2.0) / mels;
            }
        }
        return out;
    }

    /** The MCD in dB of two cepstra at the aligned frame pairs {@code path} (each [frame of a, frame of b]). */
    public static double distortion(double[][] a, double[][] b, int[][] path) {
        double total = 0;
        for (int[] pair : path) {
            double squares = 0;
            for (int d = 1; d < a[pair[0]].length; d++) {
                double diff = a[pair[0]][d] - b[pair[1]][d];
                squares += diff * diff;
            }
            total += DECIBELS * Math.sqrt(2 * squares);
        }
        return total / path.length;
    }
}
