package dev.masquerade.detection.fourier;

/**
 * The discrete Fourier transform straight from its definition,
 * X[k] = Σₙ x[n]·e^(−2πi·k·n/N): N² multiplications. {@link Fft} gets the same numbers in
 * N·log N; this is what it is checked against. Tutorial: tutorials/27-fourier.md.
 */
public final class DirectDft {
    private DirectDft() {
    }

    /** X = DFT(x) for x = re + i·im, as two new arrays {re, im}. */
    public static double[][] transform(double[] re, double[] im) {
        int n = re.length;
        double[][] out = new double[2][n];
        for (int k = 0; k < n; k++) {
            for (int t = 0; t < n; t++) {
                // k·t mod N keeps the angle small, so that cos and sin stay exact for large N
                double angle = -2 * Math.PI * ((long) k * t % n) / n;
                out[0][k] += re[t] * Math.cos(angle) - im[t] * Math.sin(angle);
                out[1][k] += re[t] * Math.sin(angle) + im[t] * Math.cos(angle);
            }
        }
        return out;
    }
}
