package dev.masquerade.detection.sources;

import dev.masquerade.gan.GanRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a SOURCE of the command line: {@code fashion-mnist}, a run folder of this project, or a folder of pictures. */
public final class PictureSources {
    private PictureSources() {
    }

    /** The source {@code spec} names; Fashion-MNIST is read from {@code fashionMnist}. */
    public static PictureSource parse(String spec, Path fashionMnist) throws IOException {
        if (spec.equals("fashion-mnist")) {
            return new FashionMnistPictures(fashionMnist);
        }
        Path path = Path.of(spec);
        if (!Files.isDirectory(path)) {
            throw new IOException("picture source " + spec + (Files.exists(path) ? " is a file" : " does not exist") + "; a source is "
                    + "fashion-mnist, a folder of pictures, or the folder of a 'masquerade gan train' run");
        }
        if (Files.exists(path.resolve(GanRun.CHECKPOINT))) {
            return new GanRunPictures(path);
        }
        return new FolderPictures(path);
    }
}
