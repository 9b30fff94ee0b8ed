package dev.masquerade.engine.ops;

import dev.masquerade.engine.Autograd;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.array.Shape;

/**
 * Reading pictures at arbitrary points, and finding points in pictures: what a motion model
 * needs to move one picture's pixels to where another picture says they went. Points are
 * (x, y) pairs in [−1, 1]: −1 and 1 are the outer edges of the first and last pixels, so a
 * grid means the same on pictures of every size. Tutorial: tutorials/30-motion.md.
 */
public final class Sampling {
    private Sampling() {
    }

    /**
     * Bilinear sampling: out[n, c, i, j] is x[n, c] read at the point grid[n, i, j], mixed from
     * the four pixels around it by their nearness (0 beyond the picture), as PyTorch's
     * {@code grid_sample(mode="bilinear", padding_mode="zeros", align_corners=False)}. With
     * (tx, ty) the point's offset from its top-left pixel, out = Σ w·v over the four pixels, with
     * w = (1 − tx)(1 − ty), tx(1 − ty), (1 − tx)ty, tx·ty; so dL/dv = w·g for the picture, and
     * for the point dout/dtx = (1 − ty)(v₀₁ − v₀₀) + ty(v₁₁ − v₁₀) (and likewise along y), times
     * W/2 (H/2) from grid to pixel units.
     */
    public static Tensor gridSample(Tensor x, Tensor grid) {
        Arithmetic.requireFloatingPoint("gridSample", x);
        if (x.rank() != 4 || grid.rank() != 4 || grid.size(3) != 2 || grid.size(0) != x.size(0)) {
            throw new IllegalArgumentException("gridSample: needs a picture [N, C, H, W] and points [N, Ho, Wo, 2], got "
                    + Shape.str(x.shape()) + " and " + Shape.str(grid.shape()));
        }
        if (grid.dtype() != x.dtype() || !grid.device().equals(x.device())) {
            throw new IllegalArgumentException("gridSample: the picture is " + x.dtype() + " on " + x.device() + " but the points "
                    + grid.dtype() + " on " + grid.device());
        }
        Tensor out = Tensor.empty(x.dtype(), x.device(), x.size(0), x.size(1), grid.size(1), grid.size(2));
        x.backend().gridSample(x.array(), grid.array(), out.array());
        return Autograd.record("gridSample", out, g -> {
            Tensor gradInput = Tensor.empty(x.dtype(), x.device(), x.shape());
            Tensor gradGrid = Tensor.empty(grid.dtype(), grid.device(), grid.shape());
            x.backend().gridSampleBackward(g.array(), x.array(), grid.array(), gradInput.array(), gradGrid.array());
            return new Tensor[] {gradInput, gradGrid};
        }, x, grid);
    }

    /** The centres of an h × w picture's pixels as points: [h, w, 2], (x, y) in (−1, 1); gridSample at these points gives the picture back. */
    public static Tensor coordinateGrid(int h, int w, DType dtype, Device device) {
        if (h < 1 || w < 1) {
            throw new IllegalArgumentException("coordinateGrid: needs a size of at least 1x1, got " + h + "x" + w);
        }
        double[] points = new double[h * w * 2];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                points[2 * (y * w + x)] = (2 * x + 1.0) / w - 1;
                points[2 * (y * w + x) + 1] = (2 * y + 1.0) / h - 1;
            }
        }
        return Tensor.of(points, dtype, device, h, w, 2);
    }

    /**
     * Soft-argmax: heatmaps [N, K, H, W] → points [N, K, 2], each the mean of the pixel centres
     * weighted by the softmax of its heatmap. Unlike the argmax, it moves smoothly as the
     * heatmap changes, so a network can learn where to put it; its gradient comes from softmax's
     * and the product's.
     */
    public static Tensor softArgmax(Tensor heatmaps) {
        if (heatmaps.rank() != 4) {
            throw new IllegalArgumentException("softArgmax: needs heatmaps [N, K, H, W], got " + Shape.str(heatmaps.shape()));
        }
        int n = heatmaps.size(0), k = heatmaps.size(1), h = heatmaps.size(2), w = heatmaps.size(3);
        Tensor weights = heatmaps.reshape(n * k, h * w).softmax(1);
        return weights.matmul(coordinateGrid(h, w, heatmaps.dtype(), heatmaps.device()).reshape(h * w, 2)).reshape(n, k, 2);
    }
}
