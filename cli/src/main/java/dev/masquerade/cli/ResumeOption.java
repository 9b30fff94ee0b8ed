package dev.masquerade.cli;

import picocli.CommandLine.Option;

/** {@code --resume} for the training commands that can continue a run (a picocli mixin). */
final class ResumeOption {
    @Option(names = "--resume", description = "Continue the run in --out from its checkpoint.json.")
    private boolean resume;

    /** Whether to resume the run; resuming needs --out, the folder of the run to continue. */
    boolean requested(RunOptions run) {
        if (resume && run.out == null) {
            throw new IllegalArgumentException("--resume needs --out DIR, the folder of the run to continue");
        }
        return resume;
    }
}
