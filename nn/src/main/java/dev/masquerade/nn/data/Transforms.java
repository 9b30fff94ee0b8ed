package dev.masquerade.nn.data;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Shape;
import dev.masquerade.engine.Tensor;

/**
 * Augmentations of image batches [N, C, H, W]: each image gets its own random draw from a
 * seeded generator, so a run repeats. They act on the data before training (no gradient).
 */
public final class Transforms {
    private Transforms() {
    }

    /** (x − mean_c) / std_c per channel c. */
    public static Tensor normalize(Tensor batch, double[] mean, double[] std) {
        check("normalize", batch);
        int c = batch.size(1);
        if (mean.length != c || std.length != c) {
            throw new IllegalArgumentException("normalize: " + c + " channels need " + c + " means and standard deviations");
        }
        double[] inverse = new double[c];
        for (int i = 0; i < c; i++) {
            inverse[i] = 1 / std[i];
        }
        Tensor m = Tensor.of(mean, batch.dtype(), batch.device(), 1, c, 1, 1);
        Tensor s = Tensor.of(inverse, batch.dtype(), batch.device(), 1, c, 1, 1);
        return batch.sub(m).mul(s);
    }

    /** Mirrors each image left-right with probability p. */
    public static Tensor randomHorizontalFlip(Tensor batch, double p, Rng rng) {
        check("randomHorizontalFlip", batch);
        int n = batch.size(0), c = batch.size(1), h = batch.size(2), w = batch.size(3);
        float[] src = batch.toFloatArray();
        double[] out = new double[src.length];
        for (int i = 0; i < n; i++) {
            boolean flip = rng.uniform() < p;
            for (int row = 0; row < c * h; row++) {
                int base = (i * c * h + row) * w;
                for (int x = 0; x < w; x++) {
                    out[base + x] = src[base + (flip ? w - 1 - x : x)];
                }
            }
        }
        return Tensor.of(out, batch.dtype(), batch.device(), batch.shape());
    }

    /**
     * A random rotation (up to ±maxDegrees), zoom (scale in [minScale, maxScale]) and shift (up
     * to ±maxShift of the size) of each image about its centre, sampled bilinearly; the
     * border is repeated where the image moves away from an edge.
     */
    public static Tensor randomAffine(Tensor batch, double maxDegrees, double minScale, double maxScale, double maxShift, Rng rng) {
        check("randomAffine", batch);
        int n = batch.size(0), c = batch.size(1), h = batch.size(2), w = batch.size(3);
        float[] src = batch.toFloatArray();
        double[] out = new double[src.length];
        for (int i = 0; i < n; i++) {
            double angle = Math.toRadians(rng.uniform(-maxDegrees, maxDegrees));
            double scale = rng.uniform(minScale, maxScale);
            double dx = rng.uniform(-maxShift, maxShift) * w;
            double dy = rng.uniform(-maxShift, maxShift) * h;
            // inverse map: for each output pixel, where in the input it comes from
            double cos = Math.cos(angle) / scale, sin = Math.sin(angle) / scale;
            double cx = (w - 1) / 2.0, cy = (h - 1) / 2.0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double ox = x - cx - dx, oy = y - cy - dy;
                    double sx = cos * ox + sin * oy + cx;
                    double sy = -sin * ox + cos * oy + cy;
                    for (int ch = 0; ch < c; ch++) {
                        out[((i * c + ch) * h + y) * w + x] = bilinear(src, (i * c + ch) * h * w, w, h, sx, sy);
                    }
                }
            }
        }
        return Tensor.of(out, batch.dtype(), batch.device(), batch.shape());
    }

    private static double bilinear(float[] plane, int base, int w, int h, double x, double y) {
        double cx = Math.min(Math.max(x, 0), w - 1), cy = Math.min(Math.max(y, 0), h - 1);
        int x0 = (int) Math.floor(cx), y0 = (int) Math.floor(cy);
        int x1 = Math.min(x0 + 1, w - 1), y1 = Math.min(y0 + 1, h - 1);
        double fx = cx - x0, fy = cy - y0;
        double top = plane[base + y0 * w + x0] * (1 - fx) + plane[base + y0 * w + x1] * fx;
        double bottom = plane[base + y1 * w + x0] * (1 - fx) + plane[base + y1 * w + x1] * fx;
        return top * (1 - fy) + bottom * fy;
    }

    private static void check(String op, Tensor batch) {
        if (batch.rank() != 4) {
            throw new IllegalArgumentException(op + ": needs a batch of images [N, C, H, W], got " + Shape.str(batch.shape()));
        }
    }
}
