package dev.masquerade.cli;

import dev.masquerade.motion.MotionOptions;
import dev.masquerade.motion.MotionRun;
import dev.masquerade.motion.model.MotionModel;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code masquerade motion train}: the first-order motion model on synthetic talking faces. */
@Command(mixinStandardHelpOptions = true, name = "train",
        description = {"Train the first-order motion model on clips of synthetic people talking (their expression and pose drift, their"
                + " mouths open and close): keypoints with Jacobians, dense motion with occlusion, and a generator, from pairs of frames of"
                + " one clip with no labels.",
                "Writes preview_step_NNNNNN.png (source | driving | prediction | source moved | occlusion), loss.png, metrics.jsonl,"
                        + " metrics.json (reconstruction and keypoint figures on held-out clips, beside their baselines) and"
                        + " checkpoint.json into the run folder."})
final class MotionTrainCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private RunOptions run;

    @Option(names = "--synthetic", description = "Train on synthetic talking faces, whose true landmarks judge the keypoints.")
    private boolean synthetic;

    @Option(names = "--clips-from", paramLabel = "DIR", description = "Train on real frames instead: each sub-folder of DIR holding"
            + " aligned face pictures (in name order) is one clip, such as the people/identity_N folders of 'faceswap sort'; the last"
            + " fifth of the clips is held out. Real clips have no true landmarks, so only the reconstruction is measured.")
    private Path clipsFrom;

    @Option(names = "--steps", defaultValue = "2000", description = "Training steps (default: ${DEFAULT-VALUE}).")
    private long steps;

    @Option(names = "--batch-size", defaultValue = "8", description = "Frame pairs per step (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Adam's learning rate (default: ${DEFAULT-VALUE}).")
    private double learningRate;

    @Option(names = "--clips", defaultValue = "200", description = "Training clips, each of a new person (default: ${DEFAULT-VALUE}).")
    private int clips;

    @Option(names = "--held-out-clips", defaultValue = "20", description = "Clips of other people the figures are measured on"
            + " (default: ${DEFAULT-VALUE}).")
    private int heldOutClips;

    @Option(names = "--frames", defaultValue = "16", description = "Frames per clip (default: ${DEFAULT-VALUE}).")
    private int frames;

    @Option(names = "--keypoints", defaultValue = "10", description = "Keypoints the model finds (default: ${DEFAULT-VALUE}).")
    private int keypoints;

    @Option(names = "--preview-every", defaultValue = "0", paramLabel = "N", description = "Steps between previews (default: a tenth of"
            + " the steps).")
    private int previewEvery;

    @Option(names = "--checkpoint-every", defaultValue = "0", paramLabel = "N", description = "Steps between checkpoints (default: a"
            + " quarter of the steps).")
    private int checkpointEvery;

    @Mixin
    private ResumeOption resumeOption;

    @Override
    public Integer call() throws Exception {
        if (synthetic == (clipsFrom != null)) {
            throw new IllegalArgumentException("motion train needs one source of clips: give --synthetic (synthetic talking faces) or"
                    + " --clips-from DIR (folders of real face frames), not " + (synthetic ? "both" : "neither"));
        }
        atLeast("--steps", steps, 1);
        atLeast("--batch-size", batchSize, 1);
        atLeast("--clips", clips, 1);
        atLeast("--held-out-clips", heldOutClips, 1);
        atLeast("--frames", frames, 2);
        atLeast("--keypoints", keypoints, 1);
        MotionModel.Architecture d = MotionModel.Architecture.DEFAULT;
        MotionModel.Architecture architecture = new MotionModel.Architecture(keypoints, d.size(), d.expansion(), d.blocks(),
                d.maxChannels(), d.generatorExpansion(), d.halvings(), d.residualBlocks());
        MotionOptions options = new MotionOptions(steps, batchSize, learningRate, clips, heldOutClips, frames, run.seed,
                previewEvery > 0 ? previewEvery : (int) Math.max(1, steps / 10), checkpointEvery > 0 ? checkpointEvery
                : (int) Math.max(1, steps / 4), run.progress());
        boolean resume = resumeOption.requested(run);
        Path folder = run.folder(resumeOption);
        if (clipsFrom != null) {
            RunOptions.refuseInput(folder, "--clips-from", clipsFrom);
        }
        if (resume) {
            MotionRun.resumable(options, architecture, clipsFrom, folder); // refused before the banner says training starts
        }
        var out = spec.commandLine().getOut();
        out.printf("Training the motion model (%d keypoints) on %s for %s; run folder %s%n", keypoints, clipsFrom == null
                ? Count.of(clips, "clip") + " of synthetic talking faces" : "the clips of real frames in " + clipsFrom, Count.of(steps, "step"), folder);
        out.flush();
        Map<String, Object> s = MotionRun.train(options, architecture, clipsFrom, folder, resume);
        out.printf("held-out reconstruction L1 %.4f, SSIM %.3f (not moving: L1 %.4f, SSIM %.3f)", number(s, "recon_l1"), number(s, "recon_ssim"),
                number(s, "baseline_l1"), number(s, "baseline_ssim"));
        if (s.containsKey("keypoint_error_px")) {
            out.printf("; keypoints predict the landmarks within %.2f px (the mean face: %.2f px)", number(s, "keypoint_error_px"),
                    number(s, "baseline_keypoint_error_px"));
        }
        out.printf("; %s in %.0f s%n", Count.of(((Number) s.get("steps")).longValue(), "step"), number(s, "seconds"));
        out.printf("wrote %s (preview_step_NNNNNN.png, loss.png, metrics.jsonl, metrics.json, %s)%n", folder, MotionRun.CHECKPOINT);
        return 0;
    }

    private static void atLeast(String option, long value, long least) {
        if (value < least) {
            throw new IllegalArgumentException(option + " must be at least " + least + ", got " + value);
        }
    }

    private static double number(Map<String, Object> s, String name) {
        return ((Number) s.get(name)).doubleValue();
    }
}
