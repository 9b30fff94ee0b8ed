package dev.masquerade.detection.sources;

import dev.masquerade.gan.metrics.FashionJudge;
import dev.masquerade.nn.io.Checkpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a SOURCE of the command line: {@code fashion-mnist}, a run folder of this project (a
 * GAN run's samples; a face swap run's swapped faces, or as real pictures its person B's own; a
 * translation run's translations, or as real pictures its task's B pictures), or a folder of
 * pictures.
 */
public final class PictureSources {
    /** Where every training run of this project keeps its checkpoint, whose config names the model. */
    private static final String RUN_CHECKPOINT = "checkpoint.json";

    private PictureSources() {
    }

    /** The source {@code spec} names, for pictures of {@code kind}; Fashion-MNIST is read from {@code fashionMnist}. */
    public static PictureSource parse(String spec, Kind kind, Path fashionMnist) throws IOException {
        if (spec.equals("fashion-mnist")) {
            return new FashionMnistPictures(fashionMnist);
        }
        Path path = Path.of(spec);
        if (!Files.isDirectory(path)) {
            throw new IOException("picture source " + spec + (Files.exists(path) ? " is a file" : " does not exist") + "; a source is "
                    + "fashion-mnist, a folder of pictures, or the folder of a 'masquerade gan train', 'faceswap train' or 'translate train' run");
        }
        Path checkpoint = path.resolve(RUN_CHECKPOINT);
        if (Files.exists(checkpoint)) {
            Object model = Checkpoint.load(checkpoint).config().get("model");
            if ("faceswap".equals(model)) {
                return new FaceSwapRunPictures(path, kind);
            }
            if (!"gan".equals(model)) {
                return new TranslationRunPictures(path, kind, fashionMnist, FashionJudge.DEFAULT_FOLDER);
            }
            if (kind == Kind.REAL) {
                throw new IOException(path + " is a GAN run: its pictures are generated, not real; pass fashion-mnist as the real source");
            }
            return new GanRunPictures(path);
        }
        return new FolderPictures(path);
    }
}
