package dev.masquerade.autoencoder;

import dev.masquerade.engine.Memory;
import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.loss.Ssim;
import java.util.function.UnaryOperator;

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

    /**
     * PSNR and SSIM ({@code [psnr, ssim]}) of {@code produce} applied to {@code inputs} against
     * {@code targets}, both [N, C, H, W] on the CPU, {@code batch} images at a time on {@code
     * device}, each batch's memory given back before the next: a folder of thousands of crops
     * never goes through a model at once. Equal to {@link #psnr} and {@link #ssim} of the
     * whole set (the mean squared error and the SSIM are means over equal-sized images).
     */
    public static double[] psnrAndSsim(UnaryOperator<Tensor> produce, Tensor inputs, Tensor targets, Device device, int batch) {
        int n = inputs.size(0);
        double mse = 0, ssim = 0;
        for (int start = 0; start < n; start += batch) {
            int count = Math.min(batch, n - start);
            try (var noGrad = NoGrad.enter(); Memory.Scope scope = Memory.scope()) {
                Tensor target = targets.narrow(0, start, count).to(device);
                Tensor prediction = produce.apply(inputs.narrow(0, start, count).to(device));
                Tensor diff = prediction.sub(target);
                double share = (double) count / n;
                mse += diff.mul(diff).mean().item() * share;
                ssim += Ssim.ssim(prediction, target).item() * share;
            }
        }
        return new double[] {10 * Math.log10(1 / Math.max(mse, 1e-12)), ssim};
    }
}
