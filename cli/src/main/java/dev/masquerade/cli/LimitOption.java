package dev.masquerade.cli;

import dev.masquerade.nn.data.ArrayDataset;
import picocli.CommandLine.Option;

/** {@code --limit N} for the commands that train on a data set: the first N examples only (a picocli mixin). */
final class LimitOption {
    @Option(names = "--limit", paramLabel = "N", description = "Train on the first N examples only (a quick run).")
    private Integer limit;

    /** The first --limit examples of {@code train}, or all of it; a limit below 1 is refused (it would train on nothing). */
    ArrayDataset apply(ArrayDataset train) {
        if (limit == null) {
            return train;
        }
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1 example, got " + limit);
        }
        return train.head(limit);
    }
}
