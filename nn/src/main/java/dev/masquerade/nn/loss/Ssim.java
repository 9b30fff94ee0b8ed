package dev.masquerade.nn.loss;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Shape;

/**
 * Structural similarity (Wang et al. 2004) of images [N, C, H, W] whose values span a data
 * range L (1 for images in [0, 1], 255 for bytes), H and W at least the window.
 * Local means, variances and the covariance come from a Gaussian window (11×11 by default, σ = 1.5)
 * applied to each channel as a convolution; SSIM is the mean over all windows of
 * ((2μₓμᵧ + C₁)(2σₓᵧ + C₂)) / ((μₓ² + μᵧ² + C₁)(σₓ² + σᵧ² + C₂)), C₁ = (0.01·L)², C₂ = (0.03·L)².
 * DSSIM = (1 − SSIM)/2 is the loss the original deepfake trainer used. Tutorial:
 * tutorials/11-ssim.md derives its gradient.
 */
public final class Ssim {
    /** The window of Wang et al. (and of scikit-image's and pytorch-msssim's defaults). */
    public static final int WINDOW = 11;
    public static final double SIGMA = 1.5;
    private static final double K1 = 0.01;
    private static final double K2 = 0.03;

    private Ssim() {
    }

    /** Mean SSIM over windows, channels and the batch (1 for identical images), for images in [0, 1] with an 11×11 window. */
    public static Tensor ssim(Tensor x, Tensor y) {
        return ssim(x, y, WINDOW, 1);
    }

    /**
     * Mean SSIM with a {@code window}×{@code window} Gaussian (odd, at least 3) for images whose
     * values span {@code dataRange}.
     */
    public static Tensor ssim(Tensor x, Tensor y, int window, double dataRange) {
        if (window < 3 || window % 2 == 0 || !(dataRange > 0)) {
            throw new IllegalArgumentException("ssim: needs an odd window of at least 3 and a positive data range, got " + window
                    + " and " + dataRange);
        }
        if (x.rank() != 4 || !java.util.Arrays.equals(x.shape(), y.shape()) || x.size(2) < window || x.size(3) < window) {
            throw new IllegalArgumentException("ssim: needs two images [N, C, H, W] of one shape with H, W >= " + window + ", got "
                    + Shape.str(x.shape()) + " and " + Shape.str(y.shape()));
        }
        double c1 = K1 * dataRange * K1 * dataRange, c2 = K2 * dataRange * K2 * dataRange;
        Tensor[] kernels = gaussianWindow(x, window);
        // BEGIN SOLUTION task-5.2: local means, variances and covariance as Gaussian-weighted averages (blur), then SSIM's luminance-contrast-structure ratio at every window, averaged (see tutorials/11-ssim.md)
        Tensor muX = blur(x, kernels);
        Tensor muY = blur(y, kernels);
        Tensor varX = blur(x.mul(x), kernels).sub(muX.mul(muX));
        Tensor varY = blur(y.mul(y), kernels).sub(muY.mul(muY));
        Tensor cov = blur(x.mul(y), kernels).sub(muX.mul(muY));
        Tensor numerator = muX.mul(muY).mul(2).add(c1).mul(cov.mul(2).add(c2));
        Tensor denominator = muX.mul(muX).add(muY.mul(muY)).add(c1).mul(varX.add(varY).add(c2));
        return numerator.div(denominator).mean();
        // END SOLUTION
    }

    /** (1 − SSIM)/2: 0 for identical images. */
    public static Tensor dssim(Tensor x, Tensor y) {
        return ssim(x, y).neg().add(1).div(2);
    }

    /**
     * Each channel convolved separately with the window ('valid': no padding). The 2-d
     * Gaussian is the outer product of two 1-d ones, so one pass along the rows and one
     * along the columns give the same result at 2·w instead of w·w multiplications per pixel.
     */
    private static Tensor blur(Tensor x, Tensor[] window) {
        int n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
        Tensor blurred = x.reshape(n * c, 1, h, w).conv2d(window[0], null, 1, 0, 1).conv2d(window[1], null, 1, 0, 1);
        return blurred.reshape(n, c, blurred.size(2), blurred.size(3));
    }

    /** The normalised 1-d Gaussian as a row kernel [1, 1, 1, w] and a column kernel [1, 1, w, 1]. */
    private static Tensor[] gaussianWindow(Tensor like, int window) {
        double[] g = new double[window];
        double total = 0;
        for (int i = 0; i < window; i++) {
            double d = i - window / 2;
            g[i] = Math.exp(-d * d / (2 * SIGMA * SIGMA));
            total += g[i];
        }
        for (int i = 0; i < window; i++) {
            g[i] /= total;
        }
        return new Tensor[]{Tensor.of(g, like.dtype(), like.device(), 1, 1, 1, window), Tensor.of(g, like.dtype(), like.device(), 1, 1, window, 1)};
    }
}
