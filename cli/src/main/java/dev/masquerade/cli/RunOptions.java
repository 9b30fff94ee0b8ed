package dev.masquerade.cli;

import dev.masquerade.nn.train.TrainingLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Option(names = "--overwrite", description = "Start afresh in an --out folder that holds an earlier run, replacing its checkpoint and logs.")
    boolean overwrite;

    /** The folder of a new run (see {@link #folder(ResumeOption)}), for the commands that cannot resume. */
    Path folder() {
        return folder(false, false);
    }

    /**
     * The run folder: --out, else runs/<command>-<timestamp> (runs/faceswap-train-... for
     * "faceswap train"). A new run refuses a folder that holds an earlier run's checkpoint or
     * metrics unless --overwrite says to replace them: a finished run is never lost to a reused --out.
     */
    Path folder(ResumeOption resume) {
        return folder(resume.requested(this), true);
    }

    private Path folder(boolean resuming, boolean resumable) {
        if (out != null && out.toString().isBlank()) {
            throw new IllegalArgumentException("--out is empty; name the run's folder, or leave --out out for runs/<command>-<time>");
        }
        if (resuming && overwrite) {
            throw new IllegalArgumentException("--resume continues the run in --out and --overwrite replaces it: give one of them");
        }
        Path folder = out != null ? out : TrainingLog.defaultFolder(command.qualifiedName("-").replaceFirst("^masquerade-", ""));
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("--out " + folder + " is a file; name a folder for the run (it is created if missing)");
        }
        if (!resuming && !overwrite) {
            for (String mark : List.of("checkpoint.json", "metrics.jsonl")) {
                if (holdsWork(folder.resolve(mark))) {
                    throw new IllegalArgumentException("--out " + folder + " already holds a run (its " + mark + "): "
                            + (resumable ? "continue it with --resume, " : "") + "choose another --out, or replace it with --overwrite");
                }
            }
        }
        return folder;
    }

    /**
     * Refuses a run folder that is one of the command's inputs ({@code option}'s folder): the run's
     * pictures and logs would land among the data, and be read as data the next time.
     */
    static void refuseInput(Path folder, String option, Path input) throws IOException {
        refuseInput("--out", folder, option, input);
    }

    /** As {@link #refuseInput(Path, String, Path)} for a folder given by {@code folderOption}. */
    static void refuseInput(String folderOption, Path folder, String option, Path input) throws IOException {
        boolean same = input != null && (Files.exists(folder) && Files.exists(input) ? Files.isSameFile(folder, input)
                : folder.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize()));
        if (same) {
            throw new IllegalArgumentException(folderOption + " " + folder + " is the " + option + " folder: the run's files would land among its"
                    + " data; choose another " + folderOption);
        }
        if (input != null && Files.isDirectory(input) && folder.toAbsolutePath().normalize().startsWith(input.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException(folderOption + " " + folder + " is inside the " + option + " folder " + input + ": the run's files"
                    + " would land among its data; choose a folder outside it");
        }
    }

    /** Whether a run left {@code file}: an empty metrics.jsonl is a run that failed before its first step, with nothing to keep. */
    private static boolean holdsWork(Path file) {
        try {
            return Files.size(file) > 0;
        } catch (IOException missing) {
            return false;
        }
    }

    /** Whether to draw progress bars. */
    boolean progress() {
        return !noProgress;
    }
}
