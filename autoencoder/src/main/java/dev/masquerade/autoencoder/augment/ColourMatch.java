package dev.masquerade.autoencoder.augment;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Shape;
import java.util.Locale;

/**
 * Colour matching of one person's faces to another's before training, so that the decoders
 * learn shape rather than a difference in skin tone or lighting between the two videos.
 * Each image [3, H, W] of a batch is matched to the image of the reference batch at the same
 * position.
 *
 * <ul>
 *   <li>{@link Method#MEAN}: shift each RGB channel so its mean is the reference's.</li>
 *   <li>{@link Method#REINHARD}: Reinhard et al. (2001), "Color Transfer between Images": in
 *       CIE Lab, where lightness and the two colour axes are nearly independent, shift and scale
 *       each channel to the reference's mean and standard deviation.</li>
 * </ul>
 */
public final class ColourMatch {
    /** How to match. */
    public enum Method {
        NONE, MEAN, REINHARD;

        /** Parses none, mean or reinhard. */
        public static Method parse(String text) {
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown colour matching '" + text + "'; use none, mean or reinhard");
            }
        }
    }

    private ColourMatch() {
    }

    /** The images [N, 3, H, W] with each one's colours matched to the reference image at its index. */
    public static Tensor match(Tensor images, Tensor references, Method method) {
        return match(images, references, null, method);
    }

    /**
     * As {@link #match(Tensor, Tensor, Method)}, with the statistics of both taken only where
     * {@code masks} [N, 1, H, W] is at least 0.5 (a face pasted into a frame is matched to the
     * face under it, not to the background); every pixel is then moved by the same shift and scale.
     * Images and references must then have one size.
     */
    public static Tensor match(Tensor images, Tensor references, Tensor masks, Method method) {
        if (images.rank() != 4 || images.size(1) != 3 || references.rank() != 4 || references.size(1) != 3
                || references.size(0) != images.size(0)) {
            throw new IllegalArgumentException("colour matching needs two RGB batches [N, 3, H, W] of one N, got "
                    + Shape.str(images.shape()) + " and " + Shape.str(references.shape()));
        }
        if (masks != null && (masks.rank() != 4 || masks.size(0) != images.size(0) || masks.size(1) != 1 || masks.size(2) != images.size(2)
                || masks.size(3) != images.size(3) || !java.util.Arrays.equals(references.shape(), images.shape()))) {
            throw new IllegalArgumentException("masked colour matching needs masks [N, 1, H, W] and references of the images' shape "
                    + Shape.str(images.shape()) + ", got " + Shape.str(masks.shape()) + " and " + Shape.str(references.shape()));
        }
        if (method == Method.NONE) {
            return images;
        }
        float[] weights = masks == null ? null : masks.toFloatArray();
        int n = images.size(0), plane = images.size(2) * images.size(3), refPlane = references.size(2) * references.size(3);
        float[] src = images.toFloatArray();
        float[] ref = references.toFloatArray();
        double[] out = new double[src.length];
        for (int i = 0; i < n; i++) {
            double[][] image = channels(src, i * 3 * plane, plane, method);
            double[][] reference = channels(ref, i * 3 * refPlane, refPlane, method);
            for (int c = 0; c < 3; c++) {
                double[] stats = meanAndDeviation(image[c], weights, i * plane);
                double[] target = meanAndDeviation(reference[c], weights, i * plane);
                double scale = method == Method.REINHARD && stats[1] > 1e-6 ? target[1] / stats[1] : 1;
                for (int p = 0; p < plane; p++) {
                    image[c][p] = (image[c][p] - stats[0]) * scale + target[0];
                }
            }
            if (method == Method.REINHARD) {
                labToRgb(image);
            }
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < plane; p++) {
                    out[(i * 3 + c) * plane + p] = Math.min(1, Math.max(0, image[c][p]));
                }
            }
        }
        return Tensor.of(out, images.dtype(), images.device(), images.shape());
    }

    /** The three channels of one image, in RGB or (for Reinhard) in Lab. */
    private static double[][] channels(float[] values, int base, int plane, Method method) {
        double[][] channels = new double[3][plane];
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < plane; p++) {
                channels[c][p] = values[base + c * plane + p];
            }
        }
        if (method == Method.REINHARD) {
            rgbToLab(channels);
        }
        return channels;
    }

    /**
     * Mean and standard deviation of the values whose mask (read from {@code masks[base]} on) is
     * at least 0.5; of all of them where {@code masks} is null or no mask value is.
     */
    private static double[] meanAndDeviation(double[] values, float[] masks, int base) {
        boolean[] counted = new boolean[values.length];
        int count = 0;
        for (int p = 0; p < values.length; p++) {
            counted[p] = masks == null || masks[base + p] >= 0.5f;
            count += counted[p] ? 1 : 0;
        }
        if (count == 0) {
            java.util.Arrays.fill(counted, true);
            count = values.length;
        }
        double mean = 0;
        for (int p = 0; p < values.length; p++) {
            mean += counted[p] ? values[p] / count : 0;
        }
        double variance = 0;
        for (int p = 0; p < values.length; p++) {
            variance += counted[p] ? (values[p] - mean) * (values[p] - mean) / count : 0;
        }
        return new double[]{mean, Math.sqrt(variance)};
    }

    // sRGB (D65) ↔ CIE XYZ ↔ CIE Lab, in place on the three channel arrays.
    private static final double[][] RGB_TO_XYZ = {{0.4124, 0.3576, 0.1805}, {0.2126, 0.7152, 0.0722}, {0.0193, 0.1192, 0.9505}};
    private static final double[][] XYZ_TO_RGB = {{3.2406, -1.5372, -0.4986}, {-0.9689, 1.8758, 0.0415}, {0.0557, -0.2040, 1.0570}};
    private static final double[] WHITE = {0.95047, 1.0, 1.08883};

    static void rgbToLab(double[][] c) {
        for (int p = 0; p < c[0].length; p++) {
            double[] linear = {toLinear(c[0][p]), toLinear(c[1][p]), toLinear(c[2][p])};
            double[] f = new double[3];
            for (int k = 0; k < 3; k++) {
                double xyz = RGB_TO_XYZ[k][0] * linear[0] + RGB_TO_XYZ[k][1] * linear[1] + RGB_TO_XYZ[k][2] * linear[2];
                f[k] = labF(xyz / WHITE[k]);
            }
            c[0][p] = 116 * f[1] - 16;
            c[1][p] = 500 * (f[0] - f[1]);
            c[2][p] = 200 * (f[1] - f[2]);
        }
    }

    static void labToRgb(double[][] c) {
        for (int p = 0; p < c[0].length; p++) {
            double fy = (c[0][p] + 16) / 116;
            double[] xyz = {WHITE[0] * labFInverse(fy + c[1][p] / 500), WHITE[1] * labFInverse(fy), WHITE[2] * labFInverse(fy - c[2][p] / 200)};
            for (int k = 0; k < 3; k++) {
                c[k][p] = fromLinear(XYZ_TO_RGB[k][0] * xyz[0] + XYZ_TO_RGB[k][1] * xyz[1] + XYZ_TO_RGB[k][2] * xyz[2]);
            }
        }
    }

    private static double labF(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    private static double labFInverse(double f) {
        return f * f * f > 216.0 / 24389 ? f * f * f : (116 * f - 16) * 27 / 24389;
    }

    private static double toLinear(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static double fromLinear(double v) {
        double clamped = Math.min(1, Math.max(0, v));
        return clamped <= 0.0031308 ? clamped * 12.92 : 1.055 * Math.pow(clamped, 1 / 2.4) - 0.055;
    }
}
