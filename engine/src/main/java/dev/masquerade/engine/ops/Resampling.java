package dev.masquerade.engine.ops;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Shape;

/**
 * Changing the resolution of [N, C, H, W] images by rearranging or repeating pixels. Both are
 * compositions of views (reshape, permute, expand), so their gradients come from those views'
 * backward passes. Tutorial: tutorials/04-convolution.md.
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
        return x.reshape(n, c, factor, factor, h, w)
                .permute(0, 1, 4, 2, 5, 3)
                .reshape(n, c, h * factor, w * factor);
    }

    /** [N, C, H, W] → [N, C, H·s, W·s], each pixel repeated into an s×s block. */
    public static Tensor upsampleNearest(Tensor x, int scale) {
        if (x.rank() != 4 || scale < 1) {
            throw new IllegalArgumentException("upsampleNearest: needs [N, C, H, W] and scale >= 1, got " + Shape.str(x.shape()) + " and " + scale);
        }
        int n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
        return x.reshape(n, c, h, 1, w, 1)
                .expand(n, c, h, scale, w, scale)
                .reshape(n, c, h * scale, w * scale);
    }
}
