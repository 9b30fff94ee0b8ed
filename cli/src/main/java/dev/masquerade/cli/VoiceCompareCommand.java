package dev.masquerade.cli;

import dev.masquerade.voice.evaluation.BottleneckSweep;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code masquerade voice compare}: the bottleneck lesson, from runs of several code widths. */
@Command(mixinStandardHelpOptions = true, name = "compare",
        description = "Compare 'voice train' runs of several --code widths (and --decoders): each run's conversions against the target's"
                + " own renderings and against the source's, and how many still say their sentence, as a table and a chart. A"
                + " conversion nearer the source than the target has kept the source's voice (the code is too wide); a low content"
                + " match has lost the words (too narrow).")
final class VoiceCompareCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "RUN", arity = "1..*", description = "Run folders of 'masquerade voice train' whose held-out sentences were measured (two flite voices, or"
            + " held-out/ folders), trained alike but for --code and --decoders.")
    private List<Path> runs;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "The chart to write.")
    private Path out;

    @Override
    public Integer call() throws Exception {
        if (!out.toString().endsWith(".png")) {
            throw new IllegalArgumentException("--out must name a .png file, got " + out);
        }
        if (java.nio.file.Files.exists(out)) {
            throw new IllegalArgumentException(out + " exists; choose another --out (nothing is overwritten)");
        }
        List<BottleneckSweep.Run> read = new ArrayList<>();
        for (Path run : runs) {
            read.add(BottleneckSweep.Run.read(run));
        }
        read.sort(java.util.Comparator.comparing(BottleneckSweep.Run::decoders).thenComparingInt(BottleneckSweep.Run::code));
        var print = spec.commandLine().getOut();
        List<String> settings = read.stream().map(BottleneckSweep.Run::setting).distinct().toList();
        if (settings.size() > 1) {
            print.println("note: these runs differ in more than the code and the decoders (" + String.join("; ", settings)
                    + "), so their distances do not compare; train them alike");
        } else {
            print.println(settings.get(0));
        }
        print.println("code  decoders     MCD to B  MCD to A  content  heard as B  run");
        for (BottleneckSweep.Run run : read) {
            print.printf("%4d  %-11s  %5.2f dB  %5.2f dB  %6.0f%%  %10s  %s%s%n", run.code(), run.decoders(), run.mcdDb(), run.sourceMcdDb(),
                    100 * run.contentMatch(), Double.isNaN(run.asTarget()) ? "-" : String.format("%.0f%%", 100 * run.asTarget()), run.folder(),
                    run.leaks() ? "  (nearer A: the source leaks)" : "");
        }
        boolean drawn = BottleneckSweep.writeChart(read, out);
        print.println(drawn ? "wrote " + out : "no chart drawn (see the line above); the table has its numbers");
        return 0;
    }
}
