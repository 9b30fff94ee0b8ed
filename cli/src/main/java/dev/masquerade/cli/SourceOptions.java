package dev.masquerade.cli;

import dev.masquerade.detection.sources.Kind;
import dev.masquerade.detection.sources.PictureSource;
import dev.masquerade.detection.sources.PictureSources;
import dev.masquerade.nn.data.FashionMnist;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What the detect commands share (a picocli mixin): where Fashion-MNIST is, and reading a SOURCE with it. */
final class SourceOptions {
    @Option(names = "--data", defaultValue = FashionMnist.DEFAULT_DIRECTORY, paramLabel = "DIR",
            description = "Folder with the Fashion-MNIST IDX files, for the source fashion-mnist (default: ${DEFAULT-VALUE}).")
    private Path data;

    /** The source a SOURCE argument names, for pictures of {@code kind}. */
    PictureSource parse(String spec, Kind kind) throws IOException {
        return PictureSources.parse(spec, kind, data);
    }
}
