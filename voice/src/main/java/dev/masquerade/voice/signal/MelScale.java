package dev.masquerade.voice.signal;

/**
 * The mel scale and the log-mel spectrogram. Hearing resolves low frequencies finely and high
 * ones coarsely: 100 Hz and 200 Hz sound far apart, 7,100 Hz and 7,200 Hz nearly the same. The
 * mel scale m = 2595·log₁₀(1 + f/700) (the HTK formula) is about linear below 700 Hz and
 * logarithmic above, so equal steps in mels sound like equal steps. A mel filterbank is a set of
 * triangular filters whose centres are equally spaced in mels: each sums the power of the FFT
 * bins under it, and the log of those sums is the log-mel spectrogram, a picture of speech with
 * {@code mels} rows instead of hundreds of bins.
 */
public final class MelScale {
    /** The floor under a mel band's power before the log: −23 in log units, about −100 dB. */
    public static final double FLOOR = 1e-10;

    private MelScale() {
    }

    public static double hertzToMel(double hertz) {
        return 2595 * Math.log10(1 + hertz / 700);
    }

    public static double melToHertz(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }

    /**
     * {@code mels} triangular filters over the {@code size/2 + 1} bins of a {@code size}-point
     * FFT at {@code rate} Hz: filter m rises from centre m to 1 at centre m + 1 and falls to 0 at
     * centre m + 2, the mels + 2 centres (0 to mels + 1) equally spaced in mels from {@code low}
     * to {@code high} Hz.
     */
    public static double[][] filterbank(int mels, int size, int rate, double low, double high) {
        if (mels < 1 || !(low >= 0) || !(high > low) || high > rate / 2.0) {
            throw new IllegalArgumentException("filterbank: needs at least 1 band and 0 <= low < high <= rate/2, got " + mels + " bands, "
                    + low + " to " + high + " Hz at " + rate + " Hz");
        }
        // BEGIN SOLUTION task-13.3: mels + 2 centres equally spaced in mels from low to high (hertzToMel, melToHertz), then for each filter m and bin k (at k·rate/size Hz) the triangle: rising from centre m to 1 at centre m + 1, falling to 0 at centre m + 2, 0 outside (see tutorials/32-speech.md)
        double[] centres = new double[mels + 2];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = melToHertz(hertzToMel(low) + (hertzToMel(high) - hertzToMel(low)) * i / (mels + 1));
        }
        double[][] bank = new double[mels][size / 2 + 1];
        for (int m = 0; m < mels; m++) {
            for (int k = 0; k < bank[m].length; k++) {
                double f = (double) k * rate / size;
                double rising = (f - centres[m]) / (centres[m + 1] - centres[m]);
                double falling = (centres[m + 2] - f) / (centres[m + 2] - centres[m + 1]);
                bank[m][k] = Math.max(0, Math.min(rising, falling));
            }
        }
        return bank;
        // END SOLUTION
    }

    /** log(Σₖ bank[m][k]·|X[k]|²) of every frame: [frames][mels]. */
    public static double[][] logMel(Spectrogram spectrum, double[][] bank) {
        double[][] magnitude = spectrum.magnitude();
        double[][] out = new double[magnitude.length][bank.length];
        for (int f = 0; f < magnitude.length; f++) {
            for (int m = 0; m < bank.length; m++) {
                double power = 0;
                for (int k = 0; k < magnitude[f].length; k++) {
                    power += bank[m][k] * magnitude[f][k] * magnitude[f][k];
                }
                out[f][m] = Math.log(Math.max(power, FLOOR));
            }
        }
        return out;
    }

    /**
     * An FFT magnitude that gives about these log-mel values. A band's power P_m, spread evenly
     * over its filter, is a density q_m = P_m / Σₖ bank[m][k] per bin; a bin's power is the
     * densities of the filters over it, averaged with the filters' weights there. The bands threw
     * the detail inside each band away; this is the smooth spectrum a vocoder starts from. Bins
     * that no filter covers get 0.
     */
    public static double[][] toMagnitude(double[][] logMel, double[][] bank) {
        int bins = bank[0].length;
        double[] filterArea = new double[bank.length];
        double[] coverage = new double[bins];
        for (int m = 0; m < bank.length; m++) {
            for (int k = 0; k < bins; k++) {
                filterArea[m] += bank[m][k];
                coverage[k] += bank[m][k];
            }
        }
        double[][] out = new double[logMel.length][bins];
        for (int f = 0; f < logMel.length; f++) {
            for (int k = 0; k < bins; k++) {
                double power = 0;
                for (int m = 0; m < bank.length; m++) {
                    power += bank[m][k] * Math.exp(logMel[f][m]) / filterArea[m];
                }
                out[f][k] = coverage[k] > 0 ? Math.sqrt(power / coverage[k]) : 0;
            }
        }
        return out;
    }
}
