package dev.masquerade.gan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.masquerade.nn.classify.FashionClassifier;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cached judge is keyed by the data it learned: reused for the same data, trained again for other data. */
class FashionJudgeCacheTest {
    @TempDir
    Path work;

    /** A tiny stand-in for Fashion-MNIST in its IDX format: 28×28 images and labels drawn from {@code seed}. */
    private Path fakeFashionMnist(String name, long seed) throws IOException {
        Path folder = Files.createDirectories(work.resolve(name));
        Random random = new Random(seed);
        for (String split : new String[] {"train", "t10k"}) {
            int n = 64;
            byte[] pixels = new byte[n * 28 * 28], labels = new byte[n];
            random.nextBytes(pixels);
            for (int i = 0; i < n; i++) {
                labels[i] = (byte) random.nextInt(10);
            }
            write(folder.resolve(split + "-images-idx3-ubyte"), 0x803, new int[] {n, 28, 28}, pixels);
            write(folder.resolve(split + "-labels-idx1-ubyte"), 0x801, new int[] {n}, labels);
        }
        return folder;
    }

    private static void write(Path file, int magic, int[] shape, byte[] data) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(raw)) {
            out.writeInt(magic);
            for (int size : shape) {
                out.writeInt(size);
            }
            out.write(data);
        }
    }

    @Test
    void theJudgeIsReusedForItsOwnDataAndTrainedAgainForOther() throws IOException {
        Path judge = work.resolve("judge"), checkpoint = judge.resolve(FashionClassifier.CHECKPOINT);
        Path data = fakeFashionMnist("data", 1);
        FashionJudge.loadOrTrain(judge, data, false);
        String trainedOn = Files.readString(judge.resolve(FashionJudge.TRAINED_ON));
        Files.setLastModifiedTime(checkpoint, FileTime.fromMillis(0));
        FashionJudge.loadOrTrain(judge, data, false);
        assertEquals(0, Files.getLastModifiedTime(checkpoint).toMillis(), "the same data: the cached judge, not a new one");
        FashionJudge.loadOrTrain(judge, fakeFashionMnist("other", 2), false);
        assertNotEquals(0, Files.getLastModifiedTime(checkpoint).toMillis(), "other data: trained again");
        assertNotEquals(trainedOn, Files.readString(judge.resolve(FashionJudge.TRAINED_ON)));
    }
}
