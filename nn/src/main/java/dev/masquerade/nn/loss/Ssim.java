package dev.masquerade.nn.loss;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Shape;

/**
 * Structural similarity (Wang et al. 2004) of images in [0, 1], [N, C, H, W] with H, W ≥ 11.
 * Local means, variances and the covariance come from an 11×11 Gaussian window (σ = 1.5)
 * applied to each channel as a convolution; SSIM is the mean over all windows of
 * ((2μₓμᵧ + C₁)(2σₓᵧ + C₂)) / ((μₓ² + μᵧ² + C₁)(σₓ² + σᵧ² + C₂)), C₁ = 0.01², C₂ = 0.03².
 * DSSIM = (1 − SSIM)/2 is the loss the original deepfake trainer used. Tutorial:
 * tutorials/11-ssim.md derives its gradient.
 */
public final class Ssim {
    public static final int WINDOW = 11;
    public static final double SIGMA = 1.5;
    private static final double C1 = 0.01 * 0.01;
    private static final double C2 = 0.03 * 0.03;

    private Ssim() {
    }

    /** Mean SSIM over windows, channels and the batch (1 for identical images). */
    public static Tensor ssim(Tensor x, Tensor y) {
        if (x.rank() != 4 || !java.util.Arrays.equals(x.shape(), y.shape()) || x.size(2) < WINDOW || x.size(3) < WINDOW) {
            throw new IllegalArgumentException("ssim: needs two images [N, C, H, W] of one shape with H, W >= " + WINDOW + ", got "
                    + Shape.str(x.shape()) + " and " + Shape.str(y.shape()));
        }
        Tensor[] window = gaussianWindow(x);
        Tensor muX = blur(x, window);
        Tensor muY = blur(y, window);
        Tensor varX = blur(x.mul(x), window).sub(muX.mul(muX));
        Tensor varY = blur(y.mul(y), window).sub(muY.mul(muY));
        Tensor cov = blur(x.mul(y), window).sub(muX.mul(muY));
        Tensor numerator = muX.mul(muY).mul(2).add(C1).mul(cov.mul(2).add(C2));
        Tensor denominator = muX.mul(muX).add(muY.mul(muY)).add(C1).mul(varX.add(varY).add(C2));
        return numerator.div(denominator).mean();
    }

    /** (1 − SSIM)/2: 0 for identical images. */
    public static Tensor dssim(Tensor x, Tensor y) {
        return ssim(x, y).neg().add(1).div(2);
    }

    /**
     * Each channel convolved separately with the window ('valid': no padding). The 2-d
     * Gaussian is the outer product of two 1-d ones, so one pass along the rows and one
     * along the columns give the same result at 2·11 instead of 11·11 multiplications per pixel.
     */
    private static Tensor blur(Tensor x, Tensor[] window) {
        int n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
        Tensor blurred = x.reshape(n * c, 1, h, w).conv2d(window[0], null, 1, 0, 1).conv2d(window[1], null, 1, 0, 1);
        return blurred.reshape(n, c, blurred.size(2), blurred.size(3));
    }

    /** The normalised 1-d Gaussian as a row kernel [1, 1, 1, 11] and a column kernel [1, 1, 11, 1]. */
    private static Tensor[] gaussianWindow(Tensor like) {
        double[] g = new double[WINDOW];
        double total = 0;
        for (int i = 0; i < WINDOW; i++) {
            double d = i - WINDOW / 2;
            g[i] = Math.exp(-d * d / (2 * SIGMA * SIGMA));
            total += g[i];
        }
        for (int i = 0; i < WINDOW; i++) {
            g[i] /= total;
        }
        return new Tensor[]{Tensor.of(g, like.dtype(), like.device(), 1, 1, 1, WINDOW), Tensor.of(g, like.dtype(), like.device(), 1, 1, WINDOW, 1)};
    }
}
