package dev.masquerade.detection.sources;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.gan.GanRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples of the generator a 'masquerade gan train' run saved, [1, 28, 28] rounded to 8 bits;
 * training and held-out samples come from different noise.
 */
final class GanRunPictures implements PictureSource {
    private static final int BATCH = 250;
    private final Path folder;

    GanRunPictures(Path folder) {
        this.folder = folder;
    }

    @Override
    public List<Tensor> pictures(Split split, int count) throws IOException {
        GanRun.Trained trained = GanRun.load(folder.resolve(GanRun.CHECKPOINT));
        Rng rng = new Rng(split == Split.TRAINING ? 1 : 2);
        List<Tensor> pictures = new ArrayList<>();
        while (pictures.size() < count) {
            int n = Math.min(BATCH, count - pictures.size());
            Tensor samples = GanRun.sample(trained.generator(), Tensor.randn(rng, n, trained.model().noiseSize()));
            if (samples.rank() != 4) {
                throw new IOException(folder + " is a GAN run of " + trained.model().cliName() + ", whose samples are points, not pictures; "
                        + "pass a run of --dataset fashion-mnist");
            }
            for (int i = 0; i < n; i++) {
                pictures.add(PictureSource.quantised(samples.narrow(0, i, 1).add(1).mul(0.5).reshape(samples.shape()[1], samples.size(2),
                        samples.size(3))));
            }
        }
        return pictures;
    }

    @Override
    public String description() {
        return String.valueOf(folder.toAbsolutePath().normalize().getFileName());
    }
}
