package dev.masquerade.translation.tasks;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.loss.Ssim;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How close pictures are to their truths, for pictures [N, C, H, W] in [0, 1]: PSNR (the mean
 * over pictures of 10·log₁₀(1 / mean squared error), in dB; higher is closer), SSIM (structure,
 * 1 for identical pictures) and L1 (mean absolute difference).
 */
public final class PictureMetrics {
    private PictureMetrics() {
    }

    /** {@code prefix}psnr, {@code prefix}ssim and {@code prefix}l1 of pictures against their truths. */
    public static Map<String, Object> compare(Tensor pictures, Tensor truths, String prefix) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        try (var scope = NoGrad.enter()) {
            metrics.put(prefix + "psnr", psnr(pictures, truths));
            int window = Math.min(Ssim.WINDOW, (Math.min(pictures.size(2), pictures.size(3)) - 1) | 1);
            metrics.put(prefix + "ssim", Ssim.ssim(pictures, truths, window, 1).item());
            metrics.put(prefix + "l1", pictures.sub(truths).abs().mean().item());
        }
        return metrics;
    }

    /** The mean PSNR in dB of pictures against truths, both in [0, 1]. */
    public static double psnr(Tensor pictures, Tensor truths) {
        int n = pictures.size(0);
        double[] squared = pictures.sub(truths).pow(2).reshape(n, -1).mean(new int[] {1}, false).toDoubleArray();
        double sum = 0;
        for (double mse : squared) {
            sum += 10 * Math.log10(1 / Math.max(mse, 1e-10)); // identical pictures: 100 dB, not infinity
        }
        return sum / n;
    }
}
