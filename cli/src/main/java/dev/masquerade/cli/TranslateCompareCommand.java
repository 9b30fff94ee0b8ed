package dev.masquerade.cli;

import dev.masquerade.translation.RunComparison;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code masquerade translate compare}: runs of one task side by side, from their latest previews. */
@Command(mixinStandardHelpOptions = true, name = "compare",
        description = "Draw runs of one task together from their latest previews: a row of held-out inputs, a row of each run's"
                + " outputs (in the order given; for CycleGAN also a row of them translated back) and a row of truths.")
final class TranslateCompareCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "RUN", arity = "1..*", description = "Run folders of 'masquerade translate train', all of one task.")
    private List<Path> runs;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "The picture to write.")
    private Path out;

    @Option(names = "--scale", defaultValue = "1", description = "Enlarge every picture this many times, pixel by pixel (default: ${DEFAULT-VALUE}).")
    private int scale;

    @Override
    public Integer call() throws Exception {
        if (!out.toString().endsWith(".png")) {
            throw new IllegalArgumentException("--out must name a .png file, got " + out);
        }
        int rows = RunComparison.write(runs, out, scale);
        spec.commandLine().getOut().printf("wrote %s: inputs, outputs of %s and truths of %s%n", out, Count.of(runs.size(), "run"),
                Count.of(rows, "held-out example"));
        return 0;
    }
}
