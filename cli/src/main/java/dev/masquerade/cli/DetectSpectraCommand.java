package dev.masquerade.cli;

import dev.masquerade.detection.SpectraExperiment;
import dev.masquerade.detection.sources.Kind;
import dev.masquerade.detection.sources.PictureSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code masquerade detect spectra}: the mean spectra of several sources side by side, where upsampling leaves its fingerprints. */
@Command(mixinStandardHelpOptions = true, name = "spectra",
        description = {"Draw the mean 2-d spectra of several sources side by side (fingerprints.png: each source's mean log power, and"
                + " its difference from the first source's), their azimuthal curves (spectra.png), and metrics.json.",
                "Put the real pictures first, then the generators: say GAN runs trained with --upsampling transposed, resize and shuffle."})
final class DetectSpectraCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "SOURCE", description = "A source of pictures (repeat; the first is the"
            + " reference, and a run folder gives its real pictures there, its generated ones elsewhere): fashion-mnist, a run folder"
            + " of this project (gan, faceswap or translate train), or a folder of pictures of one size.")
    private List<String> sources;

    @Option(names = "--count", defaultValue = "1000", description = "Held-out pictures of each source, at most (default: ${DEFAULT-VALUE}).")
    private int count;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the figures and metrics.json (created if missing).")
    private Path out;

    @Mixin
    private SourceOptions sourceOptions;

    @Override
    public Integer call() throws Exception {
        if (count < 1) {
            throw new IllegalArgumentException("--count must be at least 1, got " + count);
        }
        List<PictureSource> parsed = new ArrayList<>();
        for (String source : sources) {
            RunOptions.refuseInput(out, "--source", source.equals("fashion-mnist") ? null : Path.of(source));
            parsed.add(sourceOptions.parse(source, parsed.isEmpty() ? Kind.REAL : Kind.FAKE)); // the first is the reference
        }
        Map<String, Object> metrics = SpectraExperiment.run(parsed, count, out);
        var print = spec.commandLine().getOut();
        @SuppressWarnings("unchecked")
        Map<String, Double> louder = (Map<String, Double>) metrics.get("high_frequency_db_above_first");
        louder.forEach((name, db) -> print.printf(Locale.ROOT, "%-40s %+6.1f dB at the highest quarter of frequencies%n", name, db));
        print.printf("wrote fingerprints.png, spectra.png and metrics.json to %s%n", out);
        return 0;
    }
}
