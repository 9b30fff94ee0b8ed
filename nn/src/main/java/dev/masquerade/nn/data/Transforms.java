package dev.masquerade.nn.data;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Shape;

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

    /**
     * The original deepfake trainer's random warp: a grid×grid lattice of control points over
     * the image is jittered by Gaussian noise (standard deviation {@code sigma} of the image
     * size), the jitter is interpolated bilinearly to every pixel, and each pixel is sampled
     * from its displaced position. The face keeps its identity but loses the exact pixel
     * positions, so an autoencoder fed warped inputs and unwarped targets must learn what a
     * face looks like rather than copy it.
     */
    public static Tensor randomWarp(Tensor batch, int grid, double sigma, Rng rng) {
        check("randomWarp", batch);
        if (grid < 2 || sigma < 0) {
            throw new IllegalArgumentException("randomWarp: needs grid >= 2 and sigma >= 0, got " + grid + " and " + sigma);
        }
        int n = batch.size(0), h = batch.size(2), w = batch.size(3);
        float[] sourceX = new float[n * h * w], sourceY = new float[n * h * w];
        float[] jitterX = new float[grid * grid];
        float[] jitterY = new float[grid * grid];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < grid * grid; k++) {
                jitterX[k] = (float) (rng.normal() * sigma * w);
                jitterY[k] = (float) (rng.normal() * sigma * h);
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    // the pixel's position on the lattice, from 0 to grid − 1
                    double gx = x * (grid - 1.0) / Math.max(w - 1, 1), gy = y * (grid - 1.0) / Math.max(h - 1, 1);
                    sourceX[(i * h + y) * w + x] = (float) (x + bilinear(jitterX, 0, grid, grid, gx, gy));
                    sourceY[(i * h + y) * w + x] = (float) (y + bilinear(jitterY, 0, grid, grid, gx, gy));
                }
            }
        }
        return remap(batch, sourceX, sourceY);
    }

    /**
     * Each pixel (x, y) of image i takes every channel's value at the source point
     * ({@code sourceX}, {@code sourceY})[(i·H + y)·W + x] of the same image, in pixel indices,
     * read bilinearly (points beyond the border read the border).
     */
    public static Tensor remap(Tensor batch, float[] sourceX, float[] sourceY) {
        check("remap", batch);
        int n = batch.size(0), c = batch.size(1), h = batch.size(2), w = batch.size(3);
        if (sourceX.length != n * h * w || sourceY.length != n * h * w) {
            throw new IllegalArgumentException("remap: needs a source point for each of the " + n * h * w + " pixels, got " + sourceX.length);
        }
        float[] src = batch.toFloatArray();
        double[] out = new double[src.length];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < h * w; p++) {
                for (int ch = 0; ch < c; ch++) {
                    out[(i * c + ch) * h * w + p] = bilinear(src, (i * c + ch) * h * w, w, h, sourceX[i * h * w + p], sourceY[i * h * w + p]);
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
