package dev.masquerade.detection.sources;

import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.data.ImageFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The pictures of a folder at their own size, colour files in colour and grey files grey. The last fifth
 * by name is held out: frames of a video sit next to each other by name, so a block, not every
 * fifth picture, keeps near-copies of a held-out frame out of training.
 */
final class FolderPictures implements PictureSource {
    private final Path folder;

    FolderPictures(Path folder) {
        this.folder = folder;
    }

    @Override
    public List<Tensor> pictures(Split split, int count) throws IOException {
        List<Path> files = ImageFolder.files(folder);
        int training = files.size() - files.size() / 5;
        List<Path> chosen = split == Split.TRAINING ? files.subList(0, training) : files.subList(training, files.size());
        List<Tensor> pictures = new ArrayList<>();
        for (Path file : chosen.subList(0, Math.min(count, chosen.size()))) {
            pictures.add(PictureSource.read(file));
        }
        return pictures;
    }

    @Override
    public String description() {
        return String.valueOf(folder.toAbsolutePath().normalize().getFileName());
    }
}
