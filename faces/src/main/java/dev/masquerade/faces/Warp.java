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
                double x = at[0] - 0.5, y = at[1] - 0.5;
                int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
                double fx = x - x0, fy = y - y0;
                for (int c = 0; c < 3; c++) {
                    double top = (1 - fx) * sample(source, x0, y0, c) + fx * sample(source, x0 + 1, y0, c);
                    double bottom = (1 - fx) * sample(source, x0, y0 + 1, c) + fx * sample(source, x0 + 1, y0 + 1, c);
                    out[(v * width + u) * 3 + c] = (float) ((1 - fy) * top + fy * bottom);
                }
            }
        }
        return new RgbImage(width, height, out);
    }

    private static float sample(RgbImage image, int x, int y, int channel) {
        return x < 0 || y < 0 || x >= image.width() || y >= image.height() ? 0 : image.at(x, y, channel);
    }
}
