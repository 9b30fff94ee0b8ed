package dev.masquerade.detection;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.io.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Pictures for the detectors' tests: smooth noise as "real" photographs, and the same with a transposed convolution's checkerboard as "fakes". */
public final class TestPictures {
    private TestPictures() {
    }

    /** Noise averaged over 3 × 3 neighbourhoods: a picture whose power falls off with frequency, as a photograph's does. */
    public static Tensor smoothNoise(Rng rng, int size) {
        double[] noise = Tensor.rand(rng, size + 2, size + 2).toDoubleArray();
        double[] smooth = new double[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                for (int dy = 0; dy < 3; dy++) {
                    for (int dx = 0; dx < 3; dx++) {
                        smooth[y * size + x] += noise[(y + dy) * (size + 2) + x + dx] / 9;
                    }
                }
            }
        }
        return Tensor.of(smooth, 1, size, size);
    }

    /** +1 and −1 alternating in both directions: all of its power at the spectrum's corner. */
    public static Tensor checkerboard(int size) {
        double[] values = new double[size * size];
        for (int i = 0; i < values.length; i++) {
            values[i] = ((i / size + i % size) % 2 == 0) ? 1 : -1;
        }
        return Tensor.of(values, 1, size, size);
    }

    /** A folder of {@code count} smooth pictures (size × size grey PNGs), with a faint checkerboard when {@code checkered}. */
    public static Path folder(Path folder, int count, int size, boolean checkered, long seed) throws IOException {
        Files.createDirectories(folder);
        Rng rng = new Rng(seed);
        for (int i = 0; i < count; i++) {
            Tensor picture = smoothNoise(rng, size);
            if (checkered) {
                picture = picture.add(checkerboard(size).mul(0.03));
            }
            Images.writePng(picture, folder.resolve(String.format("picture-%03d.png", i)));
        }
        return folder;
    }
}
