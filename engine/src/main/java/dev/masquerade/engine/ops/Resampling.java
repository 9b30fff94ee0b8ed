package dev.masquerade.engine.ops;

import dev.masquerade.engine.Autograd;
import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.Trace;
import dev.masquerade.engine.array.Shape;
import java.util.Map;

/**
 * Changing the resolution of [N, C, H, W] images: by rearranging or repeating pixels
 * (compositions of views: reshape, permute, expand), or by bilinear or bicubic interpolation
 * (two products with constant interpolation matrices). Their gradients come from those views' and
 * products' backward passes, except nearest-neighbour's, whose block sums are a pooling. Tutorial: tutorials/04-convolution.md.
 */
public final class Resampling {
    private Resampling() {
    }

    /** [N, C·r², H, W] → [N, C, H·r, W·r]: each group of r² channels becomes an r×r block of pixels. */
    public static Tensor pixelShuffle(Tensor x, int factor) {
        if (x.rank() != 4 || factor < 1 || x.size(1) % (factor * factor) != 0) {
            throw new IllegalArgumentException("pixelShuffle: needs [N, C·r², H, W] with r = " + factor + ", got " + Shape.str(x.shape()));
        }
        int n = x.size(0), c = x.size(1) / (factor * factor), h = x.size(2), w = x.size(3);
        Tensor out = x.reshape(n, c, factor, factor, h, w)
                .permute(0, 1, 4, 2, 5, 3)
                .reshape(n, c, h * factor, w * factor);
        return Trace.record("pixelShuffle", Map.of("factor", factor), out, x); // one operator in an exported graph
    }

    /**
     * [N, C, H, W] → [N, C, H·s, W·s], each pixel repeated into an s×s block. Each input pixel
     * feeds its block, so dL/dx is the sum of the gradient over each block: s² times average
     * pooling, whose convolution is far faster than reducing the repeated view's axes.
     */
    public static Tensor upsampleNearest(Tensor x, int scale) {
        if (x.rank() != 4 || scale < 1) {
            throw new IllegalArgumentException("upsampleNearest: needs [N, C, H, W] and scale >= 1, got " + Shape.str(x.shape()) + " and " + scale);
        }
        int n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
        Tensor out;
        try (var scope = NoGrad.enter()) {
            out = x.reshape(n, c, h, 1, w, 1)
                    .expand(n, c, h, scale, w, scale)
                    .reshape(n, c, h * scale, w * scale);
        }
        return Autograd.record("upsampleNearest", Map.of("scale", scale), out, g -> new Tensor[] {g.avgPool2d(scale).mul(scale * scale)}, x);
    }

    /**
     * Bilinear resampling of [N, C, H, W] to [N, C, height, width], as PyTorch's
     * {@code interpolate(mode="bilinear", align_corners=False)}: output row o reads input row
     * (o + ½)·ratio − ½ (at least 0) and mixes the two rows around it by their distance, and the
     * same along the columns; {@code ratio} is input size / output size for a requested size, or
     * 1 / scale for a requested scale. Written out = A_h · x · A_wᵀ with constant matrices
     * A [output, input], so dL/dx = A_hᵀ · dL/dout · A_w comes from matmul's backward, and every
     * backend that multiplies matrices runs it, up or down, at any scale.
     */
    public static Tensor bilinear(Tensor x, int height, int width, double ratioH, double ratioW) {
        if (x.rank() != 4 || height < 1 || width < 1 || !(ratioH > 0) || !(ratioW > 0)) {
            throw new IllegalArgumentException("bilinear: needs [N, C, H, W] and an output size of at least 1x1, got "
                    + Shape.str(x.shape()) + " to " + height + "x" + width);
        }
        Tensor rows = interpolation(x, height, x.size(2), ratioH);
        Tensor columns = interpolation(x, width, x.size(3), ratioW);
        return rows.matmul(x).matmul(columns.transpose(0, 1));
    }

    /**
     * Bicubic resampling of [N, C, H, W] to [N, C, height, width], as PyTorch's
     * {@code interpolate(mode="bicubic", align_corners=False)}: output row o reads the four input
     * rows around (o + ½)·H/height − ½ (clamped at the edges), weighted by Keys' cubic kernel
     * with a = −0.75. Written, like {@link #bilinear}, as A_h · x · A_wᵀ, so its gradient is
     * matmul's. Super-resolution's baseline: tutorials/24-conditional-gans.md.
     */
    public static Tensor bicubic(Tensor x, int height, int width) {
        if (x.rank() != 4 || height < 1 || width < 1) {
            throw new IllegalArgumentException("bicubic: needs [N, C, H, W] and an output size of at least 1x1, got "
                    + Shape.str(x.shape()) + " to " + height + "x" + width);
        }
        Tensor rows = cubicInterpolation(x, height, x.size(2));
        Tensor columns = cubicInterpolation(x, width, x.size(3));
        return rows.matmul(x).matmul(columns.transpose(0, 1));
    }

    /** The [output, input] matrix of cubic convolution along one axis (each row: four weights summing to 1). */
    private static Tensor cubicInterpolation(Tensor like, int output, int input) {
        double a = -0.75;
        double ratio = (double) input / output;
        double[] weights = new double[output * input];
        for (int o = 0; o < output; o++) {
            double source = (o + 0.5) * ratio - 0.5;
            int floor = (int) Math.floor(source);
            double t = source - floor;
            // Keys' kernel at distances 1 + t, t, 1 − t and 2 − t from the four taps
            double[] w = {((a * (t + 1) - 5 * a) * (t + 1) + 8 * a) * (t + 1) - 4 * a, ((a + 2) * t - (a + 3)) * t * t + 1,
                ((a + 2) * (1 - t) - (a + 3)) * (1 - t) * (1 - t) + 1, ((a * (2 - t) - 5 * a) * (2 - t) + 8 * a) * (2 - t) - 4 * a};
            for (int k = 0; k < 4; k++) {
                int tap = Math.min(Math.max(floor - 1 + k, 0), input - 1);
                weights[o * input + tap] += w[k];
            }
        }
        return Tensor.of(weights, like.dtype(), like.device(), output, input);
    }

    /** The [output, input] matrix of linear interpolation along one axis (each row: two weights summing to 1). */
    private static Tensor interpolation(Tensor like, int output, int input, double ratio) {
        double[] weights = new double[output * input];
        for (int o = 0; o < output; o++) {
            double source = Math.max(0, (o + 0.5) * ratio - 0.5);
            int below = Math.min((int) source, input - 1);
            int above = Math.min(below + 1, input - 1);
            double towardsAbove = Math.min(source - below, 1);
            weights[o * input + below] += 1 - towardsAbove;
            weights[o * input + above] += towardsAbove;
        }
        return Tensor.of(weights, like.dtype(), like.device(), output, input);
    }
}
