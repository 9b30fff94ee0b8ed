package dev.masquerade.voice.signal;

/**
 * A short-time Fourier transform: for each frame (a window of {@code size} samples, frames
 * {@code hop} samples apart) the complex spectrum at the {@code size/2 + 1} frequencies from 0
 * to the Nyquist limit; bin k is k·rate/size Hz.
 *
 * @param re   real parts [frames][bins]
 * @param im   imaginary parts [frames][bins]
 * @param size samples per frame (the FFT's length)
 * @param hop  samples between the starts of two frames
 */
public record Spectrogram(double[][] re, double[][] im, int size, int hop) {

    public int frames() {
        return re.length;
    }

    public int bins() {
        return size / 2 + 1;
    }

    /** |X| of every frame and bin. */
    public double[][] magnitude() {
        double[][] m = new double[frames()][bins()];
        for (int f = 0; f < frames(); f++) {
            for (int k = 0; k < bins(); k++) {
                m[f][k] = Math.hypot(re[f][k], im[f][k]);
            }
        }
        return m;
    }

    /** The spectrum with the same phases and new magnitudes: what Griffin-Lim keeps of each estimate. */
    public Spectrogram withMagnitude(double[][] magnitude) {
        double[][] r = new double[frames()][bins()], i = new double[frames()][bins()];
        for (int f = 0; f < frames(); f++) {
            for (int k = 0; k < bins(); k++) {
                double length = Math.hypot(re[f][k], im[f][k]);
                double cos = length > 0 ? re[f][k] / length : 1, sin = length > 0 ? im[f][k] / length : 0;
                r[f][k] = magnitude[f][k] * cos;
                i[f][k] = magnitude[f][k] * sin;
            }
        }
        return new Spectrogram(r, i, size, hop);
    }
}
