package dev.masquerade.detection.fourier;

/**
 * The fast Fourier transform, in place on x = re + i·im, for any length. A power of two takes
 * the radix-2 route (Cooley and Tukey): the transform of N points is two transforms of N/2,
 * the even and the odd samples, joined by N/2 "butterflies", so log₂N passes of N/2 each.
 * Any other length takes Bluestein's route: 2kn = k² + n² − (k − n)² turns the transform into
 * a convolution with a "chirp" e^(−πi·n²/N), and a convolution is a product of two power-of-two
 * transforms. The inverse is the same with the sign of the angle flipped, divided by N.
 * Tutorial: tutorials/27-fourier.md.
 */
public final class Fft {
    private Fft() {
    }

    /** x ← DFT(x): X[k] = Σₙ x[n]·e^(−2πi·k·n/N). */
    public static void forward(double[] re, double[] im) {
        transform(re, im, -1);
    }

    /** x ← DFT⁻¹(x): x[n] = (1/N)·Σₖ X[k]·e^(+2πi·k·n/N). */
    public static void inverse(double[] re, double[] im) {
        transform(re, im, +1);
        for (int i = 0; i < re.length; i++) {
            re[i] /= re.length;
            im[i] /= re.length;
        }
    }

    /**
     * The 2-d transform of an h × w picture stored row by row: every row, then every column
     * (the 2-d exponential is a product of a row's and a column's).
     */
    public static void forward2d(double[] re, double[] im, int h, int w) {
        if (re.length != h * w || im.length != h * w) {
            throw new IllegalArgumentException("forward2d: " + h + " x " + w + " needs arrays of " + h * w + ", got " + re.length + " and "
                    + im.length);
        }
        double[] rowRe = new double[w], rowIm = new double[w];
        for (int y = 0; y < h; y++) {
            System.arraycopy(re, y * w, rowRe, 0, w);
            System.arraycopy(im, y * w, rowIm, 0, w);
            forward(rowRe, rowIm);
            System.arraycopy(rowRe, 0, re, y * w, w);
            System.arraycopy(rowIm, 0, im, y * w, w);
        }
        double[] columnRe = new double[h], columnIm = new double[h];
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                columnRe[y] = re[y * w + x];
                columnIm[y] = im[y * w + x];
            }
            forward(columnRe, columnIm);
            for (int y = 0; y < h; y++) {
                re[y * w + x] = columnRe[y];
                im[y * w + x] = columnIm[y];
            }
        }
    }

    private static void transform(double[] re, double[] im, int sign) {
        if (re.length != im.length) {
            throw new IllegalArgumentException("fft: real and imaginary parts differ in length (" + re.length + " and " + im.length + ")");
        }
        int n = re.length;
        if (n <= 1) {
            return;
        }
        if (Integer.bitCount(n) == 1) {
            radix2(re, im, sign);
        } else {
            bluestein(re, im, sign);
        }
    }

    // snippet: radix2
    private static void radix2(double[] re, double[] im, int sign) {
        int n = re.length;
        // reorder by bit-reversed index: then each pass combines neighbouring blocks in place
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                swap(re, i, j);
                swap(im, i, j);
            }
        }
        for (int length = 2; length <= n; length <<= 1) {
            butterflies(re, im, length, sign);
        }
    }

    /** One pass: every block of {@code length} becomes the transform of its two halves' transforms. */
    private static void butterflies(double[] re, double[] im, int length, int sign) {
        // BEGIN SOLUTION task-10.1: each pair (E, O) of a block, half a block apart, becomes (E + w^k·O, E - w^k·O) with the twiddle w^k = e^(sign·2πi·k/length) (see tutorials/27-fourier.md)
        int half = length / 2;
        for (int k = 0; k < half; k++) {
            double angle = sign * 2 * Math.PI * k / length;
            double wRe = Math.cos(angle), wIm = Math.sin(angle);
            for (int start = 0; start < re.length; start += length) {
                int even = start + k, odd = even + half;
                // butterfly: (E, O) → (E + w·O, E − w·O)
                double oRe = re[odd] * wRe - im[odd] * wIm;
                double oIm = re[odd] * wIm + im[odd] * wRe;
                re[odd] = re[even] - oRe;
                im[odd] = im[even] - oIm;
                re[even] += oRe;
                im[even] += oIm;
            }
        }
        // END SOLUTION
    }
    // end snippet

    // snippet: bluestein
    private static void bluestein(double[] re, double[] im, int sign) {
        int n = re.length;
        // m ≥ 2n − 1: the negative offsets of b, wrapped to the end, then never reach the outputs 0 … n − 1 that we keep
        int m = Integer.highestOneBit(2 * n - 1) << 1;
        double[] chirpRe = new double[n], chirpIm = new double[n];
        for (int t = 0; t < n; t++) {
            // e^(sign·πi·t²/N); t² mod 2N keeps the angle small and exact
            double angle = sign * Math.PI * ((long) t * t % (2L * n)) / n;
            chirpRe[t] = Math.cos(angle);
            chirpIm[t] = Math.sin(angle);
        }
        double[] aRe = new double[m], aIm = new double[m], bRe = new double[m], bIm = new double[m];
        for (int t = 0; t < n; t++) { // a = x·chirp
            aRe[t] = re[t] * chirpRe[t] - im[t] * chirpIm[t];
            aIm[t] = re[t] * chirpIm[t] + im[t] * chirpRe[t];
        }
        bRe[0] = chirpRe[0];
        bIm[0] = -chirpIm[0];
        for (int t = 1; t < n; t++) { // b = conj(chirp) at ±t: the convolution wraps negative offsets to the end
            bRe[t] = bRe[m - t] = chirpRe[t];
            bIm[t] = bIm[m - t] = -chirpIm[t];
        }
        radix2(aRe, aIm, -1);
        radix2(bRe, bIm, -1);
        for (int i = 0; i < m; i++) { // convolution theorem: transform, multiply, transform back
            double productRe = aRe[i] * bRe[i] - aIm[i] * bIm[i];
            aIm[i] = aRe[i] * bIm[i] + aIm[i] * bRe[i];
            aRe[i] = productRe;
        }
        radix2(aRe, aIm, +1);
        for (int k = 0; k < n; k++) { // X[k] = chirp[k]·(a ∗ b)[k]
            double cRe = aRe[k] / m, cIm = aIm[k] / m;
            re[k] = cRe * chirpRe[k] - cIm * chirpIm[k];
            im[k] = cRe * chirpIm[k] + cIm * chirpRe[k];
        }
    }
    // end snippet

    private static void swap(double[] values, int i, int j) {
        double value = values[i];
        values[i] = values[j];
        values[j] = value;
    }
}
