package dev.masquerade.motion.data;

import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.data.ImageFolder;
import dev.masquerade.nn.io.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Clips of real frames: each folder of aligned face pictures, in name order, is one clip, such as
 * a {@code people/identity_N} folder that {@code faceswap extract} and {@code faceswap sort}
 * made from a video. Real clips have no true landmarks, so a run on them measures the
 * reconstruction only.
 */
public final class FaceFolders {
    private FaceFolders() {
    }

    /** The clips of every sub-folder of {@code parent} that holds at least two pictures, by name, scaled to size × size. */
    public static List<TalkingFaces.Clip> clips(Path parent, int size) throws IOException {
        if (!Files.isDirectory(parent)) {
            throw new IOException(parent + (Files.exists(parent) ? " is a file" : " does not exist") + "; --clips-from takes a folder of"
                    + " folders of face pictures, one clip each");
        }
        List<Path> folders;
        try (Stream<Path> entries = Files.list(parent)) {
            folders = entries.filter(Files::isDirectory).sorted().toList();
        }
        List<TalkingFaces.Clip> clips = new ArrayList<>();
        for (Path folder : folders) {
            List<Path> files = ImageFolder.files(folder);
            if (files.size() >= 2) {
                List<Tensor> frames = new ArrayList<>();
                for (Path file : files) {
                    frames.add(Images.read(file, 3, size).unsqueeze(0));
                }
                clips.add(new TalkingFaces.Clip(null, Tensor.concat(frames, 0), null));
            }
        }
        if (clips.size() < 2) {
            throw new IOException(parent + " holds " + clips.size() + " folder(s) of at least two face pictures; real clips need at least two"
                    + " (one to train on, one held out), such as the people/identity_N folders of 'masquerade faceswap sort'");
        }
        return clips;
    }
}
