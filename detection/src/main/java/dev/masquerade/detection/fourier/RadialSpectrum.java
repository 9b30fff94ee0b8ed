package dev.masquerade.detection.fourier;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Shape;
import dev.masquerade.nn.io.Images;

/**
 * Durall et al.'s feature ("Unmasking DeepFakes with simple features", 2020): the log power
 * spectrum of the grey picture, averaged over every direction at each distance from the
 * centre, so that a picture of any size becomes one curve from the lowest frequency to the
 * highest. A generator that upsamples leaves its mark at the high end of that curve, where
 * real photographs fall off smoothly. Tutorial: tutorials/27-fourier.md.
 */
public final class RadialSpectrum {
    /** Added to the power before the logarithm, so that an exactly zero frequency stays finite. */
    private static final double FLOOR = 1e-10;

    private RadialSpectrum() {
    }

    /**
     * The picture's log power spectrum in decibels, 10·log₁₀|X|², shifted so that the zero
     * frequency sits at (⌊h/2⌋, ⌊w/2⌋) and frequencies grow outwards: [h × w] row by row.
     */
    public static double[] logPower(double[] grey, int h, int w) {
        double[] re = grey.clone(), im = new double[h * w];
        Fft.forward2d(re, im, h, w);
        double[] shifted = new double[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int from = y * w + x;
                int to = ((y + h / 2) % h) * w + (x + w / 2) % w;
                shifted[to] = 10 * Math.log10(re[from] * re[from] + im[from] * im[from] + FLOOR);
            }
        }
        return shifted;
    }

    // snippet: azimuthal
    /**
     * The mean of a centred spectrum over rings of equal radius: entry r averages the
     * frequencies whose distance from the centre rounds to r. Distances are measured on the
     * shorter side's scale, so that a ring is a ring of equal frequency on a picture that is
     * not square.
     */
    public static double[] azimuthalAverage(double[] centred, int h, int w) {
        // BEGIN SOLUTION task-10.2: the mean of the centred spectrum over each ring of equal rounded distance from (⌊h/2⌋, ⌊w/2⌋), distances on the shorter side's scale, NaN for a ring no pixel falls in (see tutorials/27-fourier.md)
        int side = Math.min(h, w);
        double cy = h / 2, cx = w / 2;
        int rings = (int) Math.round(Math.hypot(h / 2 * (double) side / h, w / 2 * (double) side / w)) + 1;
        double[] sum = new double[rings];
        int[] count = new int[rings];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int ring = (int) Math.round(Math.hypot((y - cy) * side / h, (x - cx) * side / w));
                sum[ring] += centred[y * w + x];
                count[ring]++;
            }
        }
        for (int r = 0; r < rings; r++) {
            sum[r] = count[r] == 0 ? Double.NaN : sum[r] / count[r];
        }
        return sum;
        // END SOLUTION
    }
    // end snippet

    /**
     * A curve resampled to {@code points} evenly spaced values from its first entry to its last
     * (linear interpolation), so that pictures of every size give features of one length; rings
     * no pixel fell into (NaN) take their neighbours' values.
     */
    public static double[] resample(double[] curve, int points) {
        double[] filled = fillGaps(curve);
        double[] out = new double[points];
        for (int i = 0; i < points; i++) {
            double at = points == 1 ? 0 : i * (filled.length - 1.0) / (points - 1);
            int left = (int) Math.floor(at);
            int right = Math.min(left + 1, filled.length - 1);
            out[i] = filled[left] + (at - left) * (filled[right] - filled[left]);
        }
        return out;
    }

    /** The feature of one picture [1 or 3, H, W] in [0, 1]: its azimuthal average resampled to {@code points}. */
    public static double[] features(Tensor picture, int points) {
        double[] grey = grey(picture);
        int h = picture.size(1), w = picture.size(2);
        return resample(azimuthalAverage(logPower(grey, h, w), h, w), points);
    }

    /** A picture's grey values, row by row (BT.601's weights for colour, as JPEG's luma). */
    public static double[] grey(Tensor picture) {
        if (picture.rank() != 3 || (picture.size(0) != 1 && picture.size(0) != 3)) {
            throw new IllegalArgumentException("spectrum: needs a picture [1 or 3, H, W], got " + Shape.str(picture.shape()));
        }
        return Images.toGrey(picture).toDoubleArray();
    }

    private static double[] fillGaps(double[] curve) {
        double[] filled = curve.clone();
        for (int i = 0; i < filled.length; i++) {
            if (Double.isNaN(filled[i])) {
                int before = i - 1, after = i + 1;
                while (after < filled.length && Double.isNaN(filled[after])) {
                    after++;
                }
                double left = before >= 0 ? filled[before] : filled[after];
                double right = after < filled.length ? filled[after] : left;
                filled[i] = (left + right) / 2;
            }
        }
        return filled;
    }
}
