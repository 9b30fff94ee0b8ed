package dev.masquerade.gan;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Shape;
import dev.masquerade.nn.data.ImageFolder;
import dev.masquerade.nn.data.Npy;
import dev.masquerade.nn.io.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Samples to judge, from outside a run: a {@code .npy} of [N, 28, 28] or [N, 1, 28, 28]
 * (floats in [0, 1], or bytes 0..255, as NumPy or PyTorch would save them), or a folder of
 * 28 × 28 grey pictures. Each comes back as [N, 1, 28, 28] in [0, 1].
 */
public final class SampleFiles {
    private static final int GRID = 64;

    private SampleFiles() {
    }

    /** The samples in {@code path}; one line that says what is wrong with them otherwise. */
    public static Tensor load(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return ImageFolder.load(path, 1, 28);
        }
        Tensor samples = Npy.read(path);
        if (samples.rank() == 3) {
            samples = samples.reshape(samples.size(0), 1, samples.size(1), samples.size(2));
        }
        if (samples.rank() != 4 || samples.size(1) != 1 || samples.size(2) != 28 || samples.size(3) != 28) {
            throw new IOException(path + " holds " + Shape.str(samples.shape()) + "; samples to judge are [N, 28, 28] or [N, 1, 28, 28]");
        }
        double min = samples.min().item(), max = samples.max().item();
        if (min >= 0 && max > 1 && max <= 255) {
            return samples.to(dev.masquerade.engine.array.DType.F32).mul(1 / 255.0);
        }
        if (min < 0 || max > 1) {
            throw new IOException(path + " holds values from " + min + " to " + max + "; samples to judge are in [0, 1] (a generator's tanh"
                    + " output x in [-1, 1] becomes (x + 1) / 2) or bytes 0..255");
        }
        return samples.to(dev.masquerade.engine.array.DType.F32);
    }

    /** The first 64 samples (fewer when there are fewer) as an 8-column grid, the way gan train draws its epochs. */
    public static void writeGrid(Tensor samples, Path png) throws IOException {
        Images.writeGrid(samples.narrow(0, 0, Math.min(GRID, samples.size(0))), 8, png);
    }
}
