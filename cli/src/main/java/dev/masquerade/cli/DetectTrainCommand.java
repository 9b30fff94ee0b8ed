package dev.masquerade.cli;

import dev.masquerade.detection.DetectionRun;
import dev.masquerade.detection.cnn.CnnDetector;
import dev.masquerade.detection.sources.Kind;
import dev.masquerade.detection.sources.PictureSource;
import dev.masquerade.detection.spectrum.SpectrumDetector;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code masquerade detect train}: a detector of real against fake pictures, judged on pictures it never saw. */
@Command(mixinStandardHelpOptions = true, name = "train",
        description = {"Train a detector of generated pictures and judge it on held-out ones: writes detector.json, metrics.json (auc,"
                + " accuracy, held_out_real, held_out_fake, method, seconds), roc.png, spectra.png and scores.csv into --out.",
                "A SOURCE is fashion-mnist (training split to train, test split held out); the folder of a run of this project: a"
                        + " 'gan train' run (its generator's samples, fresh noise for the held-out ones), a 'faceswap train' run (as --fake"
                        + " A's faces swapped to B, as --real B's own faces), a 'translate train' run (as --fake its translations, as --real"
                        + " the task's real B pictures); or a folder of pictures (the last fifth by name held out)."})
final class DetectTrainCommand implements Callable<Integer> {
    /** Below this many held-out pictures of either kind, an AUC is mostly luck. */
    private static final int FEW = 20;

    @Spec
    private CommandSpec spec;

    @Option(names = "--real", required = true, paramLabel = "SOURCE", description = "Where the real pictures come from.")
    private String real;

    @Option(names = "--fake", required = true, paramLabel = "SOURCE", description = "Where the generated pictures come from.")
    private String fake;

    @Option(names = "--method", defaultValue = "spectrum", description = "spectrum (log power spectrum + logistic regression) or cnn"
            + " (default: ${DEFAULT-VALUE}).")
    private String method;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the detector and its figures (created if missing).")
    private Path out;

    @Option(names = "--count", defaultValue = "2000", description = "Training pictures of each kind, at most (default: ${DEFAULT-VALUE}).")
    private int count;

    @Option(names = "--held-out", defaultValue = "1000", description = "Held-out pictures of each kind, at most (default: ${DEFAULT-VALUE}).")
    private int heldOut;

    @Option(names = "--augment", description = "cnn: blur each training picture (sigma up to 3) with probability 1/2 and, independently,"
            + " JPEG-compress it (quality 30 to 100) with probability 1/2, as Wang et al. did.")
    private boolean augment;

    @Option(names = "--steps", description = "cnn: training steps of 64 pictures (default: 1500).")
    private Integer steps;

    @Option(names = "--seed", description = "cnn: seed of the initialisation, batches and augmentation (default: 42).")
    private Long seed;

    @Option(names = "--no-progress", description = "Do not draw progress bars.")
    private boolean noProgress;

    @Mixin
    private SourceOptions sources;

    @Override
    public Integer call() throws Exception {
        DetectionRun.requireMethod(method);
        if (count < 1 || heldOut < 1 || (steps != null && steps < 1)) {
            throw new IllegalArgumentException("--count, --held-out and --steps must be at least 1, got --count " + count + ", --held-out "
                    + heldOut + (steps != null ? " and --steps " + steps : ""));
        }
        if (method.equals(SpectrumDetector.METHOD) && (augment || steps != null || seed != null)) {
            throw new IllegalArgumentException("--augment, --steps and --seed train the cnn detector; the spectrum detector has none of them"
                    + " (drop them, or pass --method cnn)");
        }
        for (String source : new String[] {real, fake}) {
            RunOptions.refuseInput(out, source.equals(real) ? "--real" : "--fake", source.equals("fashion-mnist") ? null : Path.of(source));
        }
        PictureSource realPictures = sources.parse(real, Kind.REAL);
        PictureSource fakePictures = sources.parse(fake, Kind.FAKE);
        if (realPictures.description().equals(fakePictures.description())) {
            throw new IllegalArgumentException("--real and --fake both give the pictures of " + real + "; a detector needs real pictures and"
                    + " fakes from two sources (a run folder given to both gives its real and its generated pictures)");
        }
        Map<String, Object> metrics = DetectionRun.train(realPictures, fakePictures,
                new DetectionRun.Options(method, count, heldOut, SpectrumDetector.Options.DEFAULT, cnnOptions()), out);
        spec.commandLine().getOut().printf(Locale.ROOT, "%s detector: AUC %.3f, accuracy %.3f on %d real and %d fake held-out pictures"
                + " (%.0f s); wrote %s%n", metrics.get("method"), (Double) metrics.get("auc"), (Double) metrics.get("accuracy"),
                (Integer) metrics.get("held_out_real"), (Integer) metrics.get("held_out_fake"), (Double) metrics.get("seconds"), out);
        int fewest = Math.min((Integer) metrics.get("held_out_real"), (Integer) metrics.get("held_out_fake"));
        if (fewest < FEW) {
            spec.commandLine().getErr().printf("warning: only %d held-out pictures on one side: an AUC on so few says little; give each"
                    + " source at least %d held-out pictures (a folder holds out its last fifth)%n", fewest, FEW);
        }
        return 0;
    }

    private CnnDetector.Options cnnOptions() {
        CnnDetector.Options defaults = CnnDetector.Options.DEFAULT;
        return new CnnDetector.Options(steps != null ? steps : defaults.steps(), defaults.batchSize(), defaults.learningRate(),
                defaults.crop(), augment, seed != null ? seed : defaults.seed(), !noProgress);
    }
}
