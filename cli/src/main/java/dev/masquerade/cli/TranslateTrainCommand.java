package dev.masquerade.cli;

import dev.masquerade.gan.metrics.FashionJudge;
import dev.masquerade.nn.data.FashionMnist;
import dev.masquerade.translation.TranslationModel;
import dev.masquerade.translation.TranslationOptions;
import dev.masquerade.translation.TranslationRun;
import dev.masquerade.translation.models.Norm;
import dev.masquerade.nn.layers.Upsampling;
import dev.masquerade.translation.tasks.TranslationTask;
import dev.masquerade.translation.tasks.TranslationTasks;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code masquerade translate train}: a pix2pix, L1-only U-Net or CycleGAN run on one of the translation tasks. */
@Command(mixinStandardHelpOptions = true, name = "train",
        description = {"Train an image-to-image translator on a task: day2night (gnome-backgrounds' light/dark wallpapers), edges2fashion"
                + " (Fashion-MNIST items from their edges), superres (x4 super-resolution of photos) or sneakers2sandals (unpaired,"
                + " CycleGAN only).",
                "Writes preview_step_NNNNNN.png (input | output | truth), loss.png, metrics.jsonl, metrics.json and checkpoint.json into"
                        + " the run folder. The pictures of day2night and superres come from scripts/fetch-translation-pictures.sh.",
                "--resume with a larger --steps goes on from the checkpoint; the learning rate's decay is then spread over the new"
                        + " total, and CycleGAN's pool of old fakes starts empty again."})
final class TranslateTrainCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private RunOptions run;

    @Option(names = "--task", required = true, description = "day2night, edges2fashion, superres or sneakers2sandals.")
    private String task;

    @Option(names = "--model", defaultValue = "pix2pix", description = "pix2pix, unet-l1 or cyclegan (default: ${DEFAULT-VALUE}).")
    private String model;

    @Option(names = "--steps", defaultValue = "2000", description = "Training steps (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--upsampling", defaultValue = "transposed",
            description = "How the generator doubles its pictures: transposed (convolution), resize (nearest neighbour, then a 3x3"
                    + " convolution) or shuffle (a 3x3 convolution to 4x the channels, then a pixel shuffle) (default: ${DEFAULT-VALUE}).")
    private String upsampling;

    @Option(names = "--norm", defaultValue = "instance", description = "instance or batch normalisation (default: ${DEFAULT-VALUE}).")
    private String norm;

    @Option(names = "--batch-size", defaultValue = "0", description = "Pictures per step (default: the task's: 16 edges2fashion, 8 the others).")
    private int batchSize;

    @Option(names = "--width", defaultValue = "0", description = "Channels of the generator's first layer; the discriminator's is twice"
            + " that (default: the task's: 32, 16 for sneakers2sandals).")
    private int width;

    @Option(names = "--lr", defaultValue = "2e-4", description = "Adam's learning rate, constant for half the steps, then falling to 0"
            + " (default: ${DEFAULT-VALUE}).")
    private double learningRate;

    @Option(names = "--lambda", defaultValue = "-1", description = "Weight of the L1 term (pix2pix: 100) or of the cycle terms (CycleGAN: 10)"
            + " (default: the model's).")
    private double lambda;

    @Option(names = "--identity", defaultValue = "0.5", description = "CycleGAN's identity terms' weight, as a fraction of lambda"
            + " (default: ${DEFAULT-VALUE}).")
    private double identity;

    @Option(names = "--preview-every", defaultValue = "0", paramLabel = "N", description = "Steps between previews (default: a tenth of"
            + " the steps).")
    private int previewEvery;

    @Option(names = "--checkpoint-every", defaultValue = "0", paramLabel = "N", description = "Steps between checkpoints (default: a"
            + " quarter of the steps).")
    private int checkpointEvery;

    @Mixin
    private ResumeOption resumeOption;

    @Option(names = "--data", defaultValue = FashionMnist.DEFAULT_DIRECTORY, paramLabel = "DIR",
            description = "Folder with the Fashion-MNIST IDX files, for edges2fashion and sneakers2sandals (default: ${DEFAULT-VALUE}).")
    private Path data;

    @Option(names = "--pictures", paramLabel = "DIR", description = "Folder of the task's pictures, for day2night and superres (default:"
            + " ~/.cache/masquerade/translation/TASK, where scripts/fetch-translation-pictures.sh puts them).")
    private Path pictures;

    @Option(names = "--classifier", paramLabel = "DIR", description = "Folder of the Fashion-MNIST classifier that judges items; trained"
            + " there when missing (default: ~/.cache/masquerade/fashion-classifier-3-epochs).")
    private Path classifier;

    @Option(names = "--held-out", defaultValue = "2000", paramLabel = "N", description = "Held-out test items the Fashion-MNIST tasks judge"
            + " (default: ${DEFAULT-VALUE}; sneakers2sandals has 1,000 sneakers).")
    private int heldOut;

    @Override
    public Integer call() throws Exception {
        TranslationModel translationModel = TranslationModel.parse(model);
        TranslationTasks.requireKnown(task);
        if (heldOut < 2) {
            throw new IllegalArgumentException("--held-out must be at least 2 (a Fréchet distance needs a covariance), got " + heldOut);
        }
        TranslationOptions defaults = TranslationOptions.defaults(translationModel, Math.max(steps, 1));
        TranslationOptions options = new TranslationOptions(translationModel, Upsampling.parse(upsampling), Norm.parse(norm), steps, batchSize,
                width, learningRate, defaults.beta1(), lambda, identity, previewEvery > 0 ? previewEvery : defaults.previewEvery(),
                checkpointEvery > 0 ? checkpointEvery : defaults.checkpointEvery(), run.seed, run.progress());
        boolean resume = resumeOption.requested(run);
        Path folder = run.folder(resumeOption);
        RunOptions.refuseInput(folder, "--data", data);
        RunOptions.refuseInput(folder, "--pictures", pictures);
        Path judge = classifier != null ? classifier : FashionJudge.DEFAULT_FOLDER;
        RunOptions.refuseInput(folder, "--classifier", judge);
        TranslationTask translationTask = TranslationTasks.create(task, new TranslationTasks.Sources(data, judge, pictures, heldOut,
                run.progress()));
        var out = spec.commandLine().getOut();
        out.printf("Training %s on %s for %s (%s upsampling, %s normalisation); run folder %s%n", translationModel.cliName(), task,
                Count.of(steps, "step"), options.upsampling().cliName(), options.norm().cliName(), folder);
        out.flush();
        Map<String, Object> summary = TranslationRun.train(translationTask, options, folder, resume).summary();
        out.println(report(summary));
        out.printf("wrote %s (preview_step_NNNNNN.png, loss.png, metrics.json, %s)%n", folder, TranslationRun.CHECKPOINT);
        return 0;
    }

    /** The run's result in one line: its figures against their baselines. */
    static String report(Map<String, Object> s) {
        String time = String.format("%s in %.0f s", Count.of(((Number) s.get("steps")).longValue(), "step"),
                ((Number) s.get("seconds")).doubleValue());
        StringBuilder line = new StringBuilder();
        if (s.containsKey("translated_as_target")) {
            line.append(String.format("%.1f%% of held-out sneakers judged sandals (untranslated %.1f%%), fd %.1f (floor %.1f)",
                    100 * number(s, "translated_as_target"), 100 * number(s, "baseline_translated_as_target"), number(s, "fd"),
                    number(s, "fd_floor")));
        } else {
            line.append(String.format("held-out PSNR %.2f dB, SSIM %.3f, L1 %.4f", number(s, "psnr"), number(s, "ssim"), number(s, "l1")));
            if (s.containsKey("baseline_psnr")) {
                line.append(String.format(" (%s: PSNR %.2f dB, SSIM %.3f, L1 %.4f)", s.get("task").equals("superres") ? "bicubic" : "identity",
                        number(s, "baseline_psnr"), number(s, "baseline_ssim"), number(s, "baseline_l1")));
            }
            if (s.containsKey("fd")) {
                line.append(String.format(", fd %.1f (floor %.1f), class coverage %s of 10", number(s, "fd"), number(s, "fd_floor"),
                        s.get("class_coverage")));
            }
        }
        if (s.containsKey("cycle_ssim")) {
            line.append(String.format(", cycle SSIM %.3f", number(s, "cycle_ssim")));
        }
        return line.append(", ").append(time).toString();
    }

    private static double number(Map<String, Object> s, String name) {
        return ((Number) s.get(name)).doubleValue();
    }
}
