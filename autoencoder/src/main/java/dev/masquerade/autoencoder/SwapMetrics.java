package dev.masquerade.autoencoder;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.loss.Ssim;

/**
 * How good a reconstruction or a swap is, as plain numbers. PSNR (in dB) is 10·log₁₀(1/MSE)
 * for images in [0, 1]: 20 dB is blurry, 30 dB is hard to tell apart. SSIM compares local
 * means, contrasts and structure and is 1 for identical images.
 */
public final class SwapMetrics {
    private SwapMetrics() {
    }

    /** Peak signal-to-noise ratio of images in [0, 1], over the whole batch. */
    public static double psnr(Tensor prediction, Tensor target) {
        try (var scope = NoGrad.enter()) {
            Tensor diff = prediction.sub(target);
            double mse = diff.mul(diff).mean().item();
            return 10 * Math.log10(1 / Math.max(mse, 1e-12));
        }
    }

    /** Mean SSIM over the batch. */
    public static double ssim(Tensor prediction, Tensor target) {
        try (var scope = NoGrad.enter()) {
            return Ssim.ssim(prediction, target).item();
        }
    }
}
