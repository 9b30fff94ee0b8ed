package dev.masquerade.voice.signal;

import dev.masquerade.detection.fourier.Fft;

/**
 * The short-time Fourier transform and its inverse. A sound's frequencies change over time, so
 * it is cut into overlapping frames, each multiplied by a Hann window (which fades the frame's
 * ends to zero, so the cut adds no false frequencies) and transformed. Frames are centred:
 * frame f is centred on sample f·hop, the signal mirrored at both ends to fill the first and
 * last half windows. The inverse transforms each frame back, multiplies it by the window again
 * and adds the frames where they overlap, dividing by the sum of the squared windows there:
 * the least-squares signal whose frames are closest to the given ones, and exactly the original
 * when the frames are unchanged and the hop is at most half the window.
 * Tutorial: tutorials/27-fourier.md (the FFT); the voice chapter derives the rest.
 */
public final class Stft {
    private Stft() {
    }

    /** The periodic Hann window w[n] = ½(1 − cos 2πn/N): its shifts by N/4 or N/2 add up to a constant. */
    public static double[] hann(int size) {
        double[] w = new double[size];
        for (int n = 0; n < size; n++) {
            w[n] = 0.5 * (1 - Math.cos(2 * Math.PI * n / size));
        }
        return w;
    }

    /** The STFT of a signal, frames of {@code size} samples every {@code hop}; 1 + length/hop frames. */
    public static Spectrogram forward(double[] signal, int size, int hop) {
        if (size < 2 || hop < 1 || hop > size) {
            throw new IllegalArgumentException("stft: needs a window of at least 2 samples and a hop from 1 to the window, got " + size
                    + " and " + hop);
        }
        if (signal.length <= size / 2) {
            throw new IllegalArgumentException("stft: the sound has " + signal.length + " samples, not more than half a window (" + size / 2
                    + "); it is too short to analyse");
        }
        double[] padded = reflectPad(signal, size / 2);
        double[] window = hann(size);
        int frames = 1 + signal.length / hop;
        double[][] re = new double[frames][], im = new double[frames][];
        for (int f = 0; f < frames; f++) {
            double[] frameRe = new double[size], frameIm = new double[size];
            for (int n = 0; n < size; n++) {
                frameRe[n] = padded[f * hop + n] * window[n];
            }
            Fft.forward(frameRe, frameIm);
            re[f] = java.util.Arrays.copyOf(frameRe, size / 2 + 1);
            im[f] = java.util.Arrays.copyOf(frameIm, size / 2 + 1);
        }
        return new Spectrogram(re, im, size, hop);
    }

    /** The signal of {@code length} samples whose STFT is closest to {@code spectrum} (weighted overlap-add). */
    // snippet: overlap-add
    public static double[] inverse(Spectrogram spectrum, int length) {
        // BEGIN SOLUTION task-13.1: each frame's inverse FFT (its spectrum completed by conjugate symmetry, X[N − k] = conj X[k]) times the window, added where the frames overlap (frame f starts at f·hop), divided by the sum of the squared windows there; then the length samples after the first size/2 of padding (see tutorials/32-speech.md)
        int size = spectrum.size(), hop = spectrum.hop(), frames = spectrum.frames();
        double[] window = hann(size);
        double[] sum = new double[size + hop * (frames - 1)], weight = new double[sum.length];
        for (int f = 0; f < frames; f++) {
            double[] re = new double[size], im = new double[size];
            for (int k = 0; k <= size / 2; k++) { // a real signal's spectrum is conjugate-symmetric: X[N − k] = conj X[k]
                re[k] = spectrum.re()[f][k];
                im[k] = spectrum.im()[f][k];
                if (k > 0 && k < size - k) {
                    re[size - k] = re[k];
                    im[size - k] = -im[k];
                }
            }
            Fft.inverse(re, im);
            for (int n = 0; n < size; n++) {
                sum[f * hop + n] += re[n] * window[n];
                weight[f * hop + n] += window[n] * window[n];
            }
        }
        double[] out = new double[length];
        for (int i = 0; i < length && i + size / 2 < sum.length; i++) {
            double w = weight[i + size / 2];
            out[i] = w > 1e-10 ? sum[i + size / 2] / w : 0;
        }
        return out;
        // END SOLUTION
    }
    // end snippet

    /** The signal with {@code pad} samples mirrored onto each end ([a b c d], 2 → [c b a b c d c b]). */
    static double[] reflectPad(double[] signal, int pad) {
        int n = signal.length;
        double[] out = new double[n + 2 * pad];
        for (int i = 0; i < out.length; i++) {
            int j = Math.abs(i - pad);
            out[i] = signal[j < n ? j : 2 * (n - 1) - j];
        }
        return out;
    }
}
