package dev.masquerade.detection;

import dev.masquerade.detection.sources.PictureSource;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks on the sources an experiment compares. */
final class Sources {
    private Sources() {
    }

    /** Refuses two sources of one name: the figures and metrics.json label each by its name, and one would hide the other. */
    static void requireDistinctNames(List<PictureSource> sources) throws IOException {
        Set<String> names = new HashSet<>();
        for (PictureSource source : sources) {
            if (!names.add(source.description())) {
                throw new IOException("two sources are both named '" + source.description() + "'; give each source once, and rename one of"
                        + " two folders that share a name");
            }
        }
    }
}
