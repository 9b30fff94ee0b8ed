package dev.masquerade.autoencoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.data.ArrayDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plain autoencoder: sizes in equal sizes out, and it learns. */
class ConvAutoencoderTest {

    @Test
    void reconstructionsHaveTheSizeOfTheirImages() {
        for (int size : new int[] {25, 28, 32}) {
            ConvAutoencoder model = new ConvAutoencoder(1, size, 8, new Rng(1));
            try (var scope = NoGrad.enter()) {
                assertArrayEquals(new int[] {2, 1, size, size}, model.forward(Tensor.rand(new Rng(2), 2, 1, size, size)).shape());
                assertArrayEquals(new int[] {2, 8}, model.encode(Tensor.rand(new Rng(2), 2, 1, size, size)).shape());
            }
        }
    }

    @Test
    void trainingOnBlobsReconstructsThemAndWritesTheRun(@TempDir Path folder) throws IOException {
        // 64 grey 25x25 pictures of one bright square at a random place: easy to learn, impossible to copy blindly
        int n = 64, size = 25;
        float[] images = new float[n * size * size];
        Rng rng = new Rng(3);
        for (int i = 0; i < n; i++) {
            int x0 = rng.nextInt(15), y0 = rng.nextInt(15);
            for (int y = y0; y < y0 + 10; y++) {
                for (int x = x0; x < x0 + 10; x++) {
                    images[(i * size + y) * size + x] = 1;
                }
            }
        }
        ArrayDataset data = new ArrayDataset(images, new int[] {1, size, size}, new int[n]);
        Map<String, Object> metrics = ConvAutoencoder.train(data.slice(0, 56), data.slice(56, 64),
                new ConvAutoencoder.Options(30, 8, 16, 3e-3, 1, false, Device.CPU), folder);
        assertTrue((double) metrics.get("test_psnr") > 14, "reconstruction PSNR " + metrics.get("test_psnr"));
        for (String file : new String[] {"reconstructions.png", "loss.png", "metrics.json", ConvAutoencoder.CHECKPOINT}) {
            assertTrue(Files.exists(folder.resolve(file)), file + " is missing");
        }
    }
}
