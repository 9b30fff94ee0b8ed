package dev.masquerade.cli;

import dev.masquerade.detection.Detector;
import dev.masquerade.detection.Detectors;
import dev.masquerade.detection.GeneralisationExperiment;
import dev.masquerade.detection.GeneralisationExperiment.Condition;
import dev.masquerade.detection.sources.Kind;
import dev.masquerade.detection.sources.PictureSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code masquerade detect evaluate}: a trained detector on other generators, clean, compressed and blurred. */
@Command(mixinStandardHelpOptions = true, name = "evaluate",
        description = "Judge a trained detector on the held-out pictures of other generators, as they are, saved as JPEG and blurred (real"
                + " and fake alike): prints the AUC table and writes metrics.json and roc.png into --out.")
final class DetectEvaluateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "The --out folder of a 'masquerade detect train' run.")
    private Path model;

    @Option(names = "--real", required = true, paramLabel = "SOURCE", description = "Where the real pictures come from.")
    private String real;

    @Option(names = "--fake", required = true, paramLabel = "SOURCE", description = "A source of generated pictures (repeat for several).")
    private List<String> fakes;

    @Option(names = "--jpeg", defaultValue = "75", description = "JPEG quality of the compressed condition, 1 to 100 (default: ${DEFAULT-VALUE}).")
    private int quality;

    @Option(names = "--blur", defaultValue = "1.0", description = "Gaussian sigma in pixels of the blurred condition (default: ${DEFAULT-VALUE}).")
    private double sigma;

    @Option(names = "--count", defaultValue = "1000", description = "Held-out pictures of each source, at most (default: ${DEFAULT-VALUE}).")
    private int count;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for metrics.json and roc.png (created if missing).")
    private Path out;

    @Mixin
    private SourceOptions sources;

    @Override
    public Integer call() throws Exception {
        if (count < 1 || quality < 1 || quality > 100 || !(sigma > 0)) {
            throw new IllegalArgumentException("--count must be at least 1, --jpeg from 1 to 100 and --blur above 0; got " + count + ", "
                    + quality + " and " + sigma);
        }
        RunOptions.refuseInput(out, "--model", model);
        Detector detector = Detectors.load(model);
        List<PictureSource> fakeSources = new ArrayList<>();
        for (String fake : fakes) {
            fakeSources.add(sources.parse(fake, Kind.FAKE));
        }
        List<GeneralisationExperiment.Row> rows = GeneralisationExperiment.run(detector, sources.parse(real, Kind.REAL), fakeSources,
                List.of(Condition.CLEAN, Condition.jpeg(quality), Condition.blur(sigma)), count, out);
        var print = spec.commandLine().getOut();
        print.printf(Locale.ROOT, "%-40s %-10s %6s %9s%n", "fake", "condition", "AUC", "accuracy");
        for (GeneralisationExperiment.Row row : rows) {
            print.printf(Locale.ROOT, "%-40s %-10s %6.3f %9.3f%n", row.fake(), row.condition(), row.auc(), row.accuracy());
        }
        print.printf("wrote metrics.json and roc.png to %s%n", out);
        return 0;
    }
}
