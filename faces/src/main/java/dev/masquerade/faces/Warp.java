package dev.masquerade.faces;

/**
 * Resampling a picture through a similarity transform, as a face aligner cuts out an upright
 * face and a converter pastes it back: output pixel (u, v) takes the source's colour at
 * {@code toOutput.inverse()} of the pixel's centre, interpolated bilinearly between the four
 * nearest source pixels; where that falls outside the source it is black. Pixel centres sit at
 * half-integers, so the identity transform copies the picture exactly.
 */
public final class Warp {
    private Warp() {
    }

    /** A width × height picture whose pixels come from {@code source} through {@code toOutput} (source → output coordinates). */
    public static RgbImage apply(RgbImage source, SimilarityTransform toOutput, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a warp needs an output of at least 1x1 pixels, got " + width + "x" + height);
        }
        SimilarityTransform back = toOutput.inverse();
        float[] out = new float[width * height * 3];
        for (int v = 0; v < height; v++) {
            for (int u = 0; u < width; u++) {
                double[] at = back.apply(new double[] {u + 0.5, v + 0.5});
                for (int c = 0; c < 3; c++) {
                    out[(v * width + u) * 3 + c] = bilinear(source.rgb(), source.width(), source.height(), 3, c, at[0], at[1]);
                }
            }
        }
        return new RgbImage(width, height, out);
    }

    /**
     * The value of one channel at the point (x, y) of a picture stored row by row with
     * {@code channels} values a pixel, interpolated between the four pixel centres around it
     * (centres at half-integers); 0 outside the picture.
     */
    public static float bilinear(float[] values, int width, int height, int channels, int channel, double x, double y) {
        double sx = x - 0.5, sy = y - 0.5;
        int x0 = (int) Math.floor(sx), y0 = (int) Math.floor(sy);
        double fx = sx - x0, fy = sy - y0;
        double top = (1 - fx) * sample(values, width, height, channels, channel, x0, y0) + fx * sample(values, width, height, channels, channel, x0 + 1, y0);
        double bottom = (1 - fx) * sample(values, width, height, channels, channel, x0, y0 + 1)
                + fx * sample(values, width, height, channels, channel, x0 + 1, y0 + 1);
        return (float) ((1 - fy) * top + fy * bottom);
    }

    private static float sample(float[] values, int width, int height, int channels, int channel, int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? 0 : values[(y * width + x) * channels + channel];
    }
}
