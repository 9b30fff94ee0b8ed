package dev.masquerade.voice.audio;

/**
 * Changing the sample rate with a windowed-sinc filter. A sampled signal is the samples of a
 * band-limited curve, and that curve is Σₙ x[n]·sinc(t − n) (Shannon's interpolation); reading
 * it at the new rate's instants resamples it. Going down in rate, frequencies above the new
 * Nyquist limit would fold back as false tones (aliasing), so the sinc is widened to cut at the
 * lower of the two limits. The infinite sinc is cut to {@value #ZERO_CROSSINGS} zero crossings
 * each side and tapered by a Hann window, which keeps the cut from ringing.
 */
public final class Resampler {
    /** Zero crossings of the sinc kept on each side of an output instant. */
    static final int ZERO_CROSSINGS = 16;

    private Resampler() {
    }

    /** {@code samples} taken at {@code from} Hz, read at {@code to} Hz. */
    public static double[] resample(double[] samples, int from, int to) {
        if (from <= 0 || to <= 0) {
            throw new IllegalArgumentException("resample: rates must be positive, got " + from + " and " + to + " Hz");
        }
        if (from == to) {
            return samples.clone();
        }
        double cutoff = Math.min(1.0, (double) to / from); // of the input's Nyquist frequency
        double step = (double) from / to; // input samples per output sample
        double halfWidth = ZERO_CROSSINGS / cutoff; // in input samples
        double[] out = new double[(int) Math.floor(samples.length / step)];
        for (int m = 0; m < out.length; m++) {
            double t = m * step;
            int first = (int) Math.ceil(t - halfWidth), last = (int) Math.floor(t + halfWidth);
            double sum = 0;
            for (int n = Math.max(0, first); n <= Math.min(samples.length - 1, last); n++) {
                double d = n - t;
                sum += samples[n] * cutoff * sinc(cutoff * d) * hann(d / halfWidth);
            }
            out[m] = sum;
        }
        return out;
    }

    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    /** The Hann window on [−1, 1]: 1 at the centre, 0 at both ends. */
    private static double hann(double x) {
        return Math.abs(x) >= 1 ? 0 : 0.5 * (1 + Math.cos(Math.PI * x));
    }
}
