package dev.masquerade.workflow;

/**
 * Softening a face mask before a swapped face is blended in with it. A hard mask leaves a
 * visible edge where the swapped face meets the frame; so the mask is first eroded (shrunk
 * inwards, so the blend stays inside the face even where the landmarks are a little off) and
 * then feathered (blurred, so the face fades into the frame over a band instead of at a line).
 * Masks are size × size values in [0, 1], row by row.
 */
public final class BlendMask {
    private BlendMask() {
    }

    /** The mask eroded by {@code erode} pixels, then feathered over {@code feather} pixels on each side of its edge. */
    public static float[] soften(float[] mask, int size, int erode, int feather) {
        if (erode < 0 || feather < 0) {
            throw new IllegalArgumentException("erosion and feathering take pixels, at least 0; got " + erode + " and " + feather);
        }
        float[] out = erode(mask, size, erode);
        // two box blurs of half the radius: a tent whose ramp spans the whole feather
        for (int pass = 0; pass < 2; pass++) {
            out = boxBlur(out, size, feather / 2, true);
            out = boxBlur(out, size, feather / 2, false);
        }
        return out;
    }

    /** Each value replaced by the least within a square of radius {@code r} around it (pixels outside count as 0): erosion. */
    public static float[] erode(float[] mask, int size, int r) {
        return minimum(minimum(mask, size, r, true), size, r, false);
    }

    /** Each value replaced by the greatest within a square of radius {@code r} (pixels outside count as 0): dilation. */
    public static float[] dilate(float[] mask, int size, int r) {
        float[] inverted = new float[mask.length];
        for (int i = 0; i < mask.length; i++) {
            inverted[i] = 1 - mask[i];
        }
        float[] grown = minimum(minimum(inverted, size, r, true, 1), size, r, false, 1);
        for (int i = 0; i < grown.length; i++) {
            grown[i] = 1 - grown[i];
        }
        return grown;
    }

    private static float[] minimum(float[] in, int size, int r, boolean alongRows) {
        return minimum(in, size, r, alongRows, 0);
    }

    /** The least within r pixels along rows (or columns); {@code outside} is the value beyond the border. */
    private static float[] minimum(float[] in, int size, int r, boolean alongRows, float outside) {
        float[] out = new float[in.length];
        for (int line = 0; line < size; line++) {
            for (int k = 0; k < size; k++) {
                float least = Float.MAX_VALUE;
                for (int d = -r; d <= r; d++) {
                    int j = k + d;
                    float v = j < 0 || j >= size ? outside : in[alongRows ? line * size + j : j * size + line];
                    least = Math.min(least, v);
                }
                out[alongRows ? line * size + k : k * size + line] = least;
            }
        }
        return out;
    }

    /** The mean within r pixels along rows (or columns), the border's values repeated beyond it. */
    private static float[] boxBlur(float[] in, int size, int r, boolean alongRows) {
        float[] out = new float[in.length];
        for (int line = 0; line < size; line++) {
            for (int k = 0; k < size; k++) {
                double sum = 0;
                for (int d = -r; d <= r; d++) {
                    int j = Math.max(0, Math.min(size - 1, k + d));
                    sum += in[alongRows ? line * size + j : j * size + line];
                }
                out[alongRows ? line * size + k : k * size + line] = (float) (sum / (2 * r + 1));
            }
        }
        return out;
    }
}
