package dev.masquerade.cli;

import dev.masquerade.nn.data.ArrayDataset;
import picocli.CommandLine.Option;

/** {@code --limit N} for the commands that train on a data set: the first N examples only (a picocli mixin). */
final class LimitOption {
    private Integer limit;

    /** Refused as it is read, before any data set is: a limit below 1 would train on nothing. */
    @Option(names = "--limit", paramLabel = "N", description = "Train on the first N examples only (a quick run).")
    void limit(int examples) {
        if (examples < 1) {
            throw new IllegalArgumentException("--limit must be at least 1 example, got " + examples);
        }
        this.limit = examples;
    }

    /** The first --limit examples of {@code train}, or all of it. */
    ArrayDataset apply(ArrayDataset train) {
        return limit == null ? train : train.head(limit);
    }
}
