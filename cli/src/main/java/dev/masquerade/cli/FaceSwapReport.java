package dev.masquerade.cli;

import dev.masquerade.autoencoder.FaceSwapOptions;
import dev.masquerade.autoencoder.FaceSwapTrainer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs face-swap training for a command and prints what it did, in the same words for demo and faceswap train. */
final class FaceSwapReport {
    private FaceSwapReport() {
    }

    static int run(PrintWriter out, FaceSwapTrainer.Data data, FaceSwapOptions options, Path folder, boolean resume) throws Exception {
        out.printf("Training a face swap (%dx%d, width %d, code %d%s) on %,d faces of A and %,d of B for %s on %s; run folder %s%n",
                options.model().size(), options.model().size(), options.model().width(), options.model().latent(),
                options.model().masks() ? ", masks" : "", data.a().size(), data.b().size(), Count.of(options.steps(), "step"), options.device(), folder);
        out.flush();
        Map<String, Object> m = FaceSwapTrainer.train(data, options, folder, resume).metrics();
        out.printf("reconstruction: A %.1f dB PSNR, SSIM %.3f; B %.1f dB PSNR, SSIM %.3f%n", m.get("recon_psnr_a"), m.get("recon_ssim_a"),
                m.get("recon_psnr_b"), m.get("recon_ssim_b"));
        if (m.containsKey("swap_ssim")) {
            out.printf("swap A->B against the true B: SSIM %.3f (B's mean face scores %.3f)%n", m.get("swap_ssim"), m.get("baseline_ssim"));
        }
        out.printf("%s in %.0f s; wrote %s (preview.png, swap.png, loss.png, metrics.json, %s)%n", Count.of(((Number) m.get("steps")).longValue(), "step"),
                m.get("seconds"), folder, FaceSwapTrainer.CHECKPOINT);
        return 0;
    }
}
