package dev.masquerade.cli;

import dev.masquerade.nn.train.TrainingLog;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options every training command shares (a picocli mixin): where the run folder goes,
 * the seed that makes the run repeat, and whether to draw progress bars.
 */
final class RunOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder (default: runs/<command>-<timestamp>).")
    Path out;

    @Option(names = "--seed", defaultValue = "42",
            description = "Seed of data, initialisation, shuffling and augmentation (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-progress", description = "Do not draw progress bars.")
    boolean noProgress;

    /** The run folder: --out, else runs/<command>-<timestamp> (runs/faceswap-train-... for "faceswap train"). */
    Path folder() {
        return out != null ? out : TrainingLog.defaultFolder(command.qualifiedName("-").replaceFirst("^masquerade-", ""));
    }

    /** Whether to draw progress bars. */
    boolean progress() {
        return !noProgress;
    }
}
