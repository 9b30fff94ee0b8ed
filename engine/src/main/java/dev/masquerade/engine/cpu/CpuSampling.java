package dev.masquerade.engine.cpu;

import dev.masquerade.engine.array.StridedArray;

/**
 * Bilinear sampling of [N, C, H, W] pictures at arbitrary points, and its two gradients: to the
 * picture (each sample's gradient shared among the four pixels it mixed, by the same weights)
 * and to the points (how the sample changes as its point moves: the differences between
 * neighbouring pixels). Plain double loops, shared by both CPU backends. Tutorial:
 * tutorials/30-motion.md.
 */
final class CpuSampling {
    private CpuSampling() {
    }

    static void gridSample(StridedArray x, StridedArray grid, StridedArray out) {
        int c = x.size(1), h = x.size(2), w = x.size(3), points = grid.size(1) * grid.size(2);
        double[] in = StridedLoop.read(x), at = StridedLoop.read(grid);
        double[] sampled = new double[out.numel()];
        CpuThreads.parallelFor(x.size(0) * c, 8L * points, (from, to) -> {
            for (int p = from; p < to; p++) {
                int plane = p * h * w, first = p / c * points;
                for (int k = 0; k < points; k++) {
                    // BEGIN SOLUTION task-11.1: sample k of plane p: its point (toPixels of grid entries 2·(first + k) and 2·(first + k) + 1) in pixels, the pixel above and left of it (floor), and the four pixels around it mixed by their nearness, 0 beyond the picture (see tutorials/30-motion.md)
                    double ix = toPixels(at[2 * (first + k)], w), iy = toPixels(at[2 * (first + k) + 1], h);
                    int x0 = (int) Math.floor(ix), y0 = (int) Math.floor(iy);
                    double tx = ix - x0, ty = iy - y0;
                    sampled[p * points + k] = (1 - ty) * ((1 - tx) * pixel(in, plane, h, w, y0, x0) + tx * pixel(in, plane, h, w, y0, x0 + 1))
                            + ty * ((1 - tx) * pixel(in, plane, h, w, y0 + 1, x0) + tx * pixel(in, plane, h, w, y0 + 1, x0 + 1));
                    // END SOLUTION
                }
            }
        });
        StridedLoop.write(sampled, out);
    }

    // snippet: sampler-gradient
    static void gridSampleBackward(StridedArray gradOutput, StridedArray x, StridedArray grid, StridedArray gradInput,
            StridedArray gradGrid) {
        int n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3), points = grid.size(1) * grid.size(2);
        double[] gy = StridedLoop.read(gradOutput), in = StridedLoop.read(x), at = StridedLoop.read(grid);
        // BEGIN SOLUTION task-11.2: both gradients of bilinear sampling, written into gradInput and gradGrid: each sample's gradient added to its four pixels by their weights, and each point's gradient, the sum over channels of the sample's gradient times the slope of the mix along x and along y, times W/2 and H/2 (see tutorials/30-motion.md)
        double[] gx = new double[x.numel()];
        // the picture's gradient: one plane per task, so no two tasks add to one pixel
        CpuThreads.parallelFor(n * c, 8L * points, (from, to) -> {
            for (int p = from; p < to; p++) {
                int plane = p * h * w, first = p / c * points;
                for (int k = 0; k < points; k++) {
                    double ix = toPixels(at[2 * (first + k)], w), iy = toPixels(at[2 * (first + k) + 1], h);
                    int x0 = (int) Math.floor(ix), y0 = (int) Math.floor(iy);
                    double tx = ix - x0, ty = iy - y0, g = gy[p * points + k];
                    add(gx, plane, h, w, y0, x0, (1 - ty) * (1 - tx) * g);
                    add(gx, plane, h, w, y0, x0 + 1, (1 - ty) * tx * g);
                    add(gx, plane, h, w, y0 + 1, x0, ty * (1 - tx) * g);
                    add(gx, plane, h, w, y0 + 1, x0 + 1, ty * tx * g);
                }
            }
        });
        // the points' gradient: d out/d ix = (1 − ty)(v01 − v00) + ty(v11 − v10), and d ix/d x = W/2; summed over channels
        double[] gg = new double[grid.numel()];
        CpuThreads.parallelFor(n * points, 8L * c, (from, to) -> {
            for (int q = from; q < to; q++) {
                int b = q / points, k = q % points;
                double ix = toPixels(at[2 * q], w), iy = toPixels(at[2 * q + 1], h);
                int x0 = (int) Math.floor(ix), y0 = (int) Math.floor(iy);
                double tx = ix - x0, ty = iy - y0, alongX = 0, alongY = 0;
                for (int ch = 0; ch < c; ch++) {
                    int p = b * c + ch, plane = p * h * w;
                    double v00 = pixel(in, plane, h, w, y0, x0), v01 = pixel(in, plane, h, w, y0, x0 + 1);
                    double v10 = pixel(in, plane, h, w, y0 + 1, x0), v11 = pixel(in, plane, h, w, y0 + 1, x0 + 1);
                    double g = gy[p * points + k];
                    alongX += g * ((1 - ty) * (v01 - v00) + ty * (v11 - v10));
                    alongY += g * ((1 - tx) * (v10 - v00) + tx * (v11 - v01));
                }
                gg[2 * q] = alongX * w / 2;
                gg[2 * q + 1] = alongY * h / 2;
            }
        });
        StridedLoop.write(gx, gradInput);
        StridedLoop.write(gg, gradGrid);
        // END SOLUTION
    }
    // end snippet

    /** A grid coordinate in [−1, 1] as a pixel coordinate: −1 is the outer edge of pixel 0, pixel centres sit at whole numbers. */
    private static double toPixels(double coordinate, int size) {
        return ((coordinate + 1) * size - 1) / 2;
    }

    /** The pixel at (y, x) of a plane, 0 beyond the picture. */
    private static double pixel(double[] values, int plane, int h, int w, int y, int x) {
        return y >= 0 && y < h && x >= 0 && x < w ? values[plane + y * w + x] : 0;
    }

    private static void add(double[] values, int plane, int h, int w, int y, int x, double amount) {
        if (y >= 0 && y < h && x >= 0 && x < w) {
            values[plane + y * w + x] += amount;
        }
    }
}
