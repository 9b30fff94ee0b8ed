package dev.masquerade.cli;

import dev.masquerade.gan.GanPlots;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code masquerade gan compare}: the start of several GAN runs in one picture. */
@Command(mixinStandardHelpOptions = true, name = "compare",
        description = "Plot the generator's gradient length and D(G(z)) of several 'gan train' runs side by side (e.g. minimax against non-saturating).")
final class GanCompareCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "RUN", arity = "1..*", description = "Run folders, each with the metrics.jsonl of a 'gan train' run.")
    private List<Path> runs;

    @Option(names = "--steps", defaultValue = "500", description = "How many of the first steps to plot (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "The PNG to write.")
    private Path out;

    @Override
    public Integer call() throws Exception {
        if (steps < 1) {
            throw new IllegalArgumentException("--steps must be at least 1, got " + steps);
        }
        if (!out.toString().endsWith(".png")) {
            throw new IllegalArgumentException("--out must name a .png file, got " + out);
        }
        Map<String, Path> named = new LinkedHashMap<>();
        for (Path run : runs) {
            named.put(run.getFileName().toString(), run);
        }
        GanPlots.writeComparison(named, steps, out);
        spec.commandLine().getOut().printf("wrote %s (%s, first %s)%n", out, Count.of(runs.size(), "run"), Count.of(steps, "step"));
        return 0;
    }
}
