package dev.masquerade.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.array.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading IDX files and cutting datasets into batches. */
class DataTest {
    @TempDir
    Path folder;

    @Test
    void readsPlainAndGzippedIdx() throws IOException {
        byte[] values = {0, 1, (byte) 200, (byte) 255, 7, 8};
        byte[] file = FakeFashionMnist.idx(new int[] {2, 3}, values);
        Files.write(folder.resolve("plain"), file);
        Files.write(folder.resolve("packed.gz"), FakeFashionMnist.gzipped(file));
        for (String name : new String[] {"plain", "packed.gz"}) {
            Idx.Array array = Idx.read(folder.resolve(name));
            assertArrayEquals(new int[] {2, 3}, array.shape());
            assertEquals(200, array.unsigned(2));
            assertEquals(255, array.unsigned(3));
        }
    }

    @Test
    void aTruncatedOrForeignFileIsNamedInTheError() throws IOException {
        byte[] file = FakeFashionMnist.idx(new int[] {10, 10}, new byte[50]);
        Files.write(folder.resolve("short"), file);
        IOException truncated = assertThrows(IOException.class, () -> Idx.read(folder.resolve("short")));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
        Files.writeString(folder.resolve("text"), "hello, world");
        IOException foreign = assertThrows(IOException.class, () -> Idx.read(folder.resolve("text")));
        assertTrue(foreign.getMessage().contains("not an IDX file"), foreign.getMessage());
    }

    @Test
    void aDamagedGzipIsNamedWithTheFix() throws IOException {
        byte[] damaged = FakeFashionMnist.gzipped(FakeFashionMnist.idx(new int[] {100}, new byte[100]));
        for (int i = 12; i < damaged.length - 8; i++) {
            damaged[i] ^= 0x5A; // the deflated body scrambled, the gzip header intact
        }
        Files.write(folder.resolve("train-labels-idx1-ubyte.gz"), damaged);
        IOException e = assertThrows(IOException.class, () -> Idx.read(folder.resolve("train-labels-idx1-ubyte.gz")));
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte.gz is a damaged gzip file") && e.getMessage().contains("reinstall"), e.getMessage());
    }

    @Test
    void damageOnlyTheChecksumOrTheLengthRevealsIsCaughtToo() throws IOException {
        byte[] badChecksum = FakeFashionMnist.gzipped(FakeFashionMnist.idx(new int[] {100}, new byte[100]));
        badChecksum[badChecksum.length - 8] ^= 1; // the values decode; only the CRC-32 in the trailer disagrees
        Files.write(folder.resolve("labels.gz"), badChecksum);
        IOException crc = assertThrows(IOException.class, () -> Idx.read(folder.resolve("labels.gz")));
        assertTrue(crc.getMessage().contains("labels.gz is a damaged gzip file"), crc.getMessage());
        byte[] tooLong = java.util.Arrays.copyOf(FakeFashionMnist.idx(new int[] {100}, new byte[100]), 8 + 100 + 5);
        Files.write(folder.resolve("labels"), tooLong);
        IOException extra = assertThrows(IOException.class, () -> Idx.read(folder.resolve("labels")));
        assertTrue(extra.getMessage().contains("labels holds more bytes than its header announces"), extra.getMessage());
    }

    @Test
    void imagesOfAnotherSizeAreNamedAsAnotherDataSetsFile() throws IOException {
        Files.write(folder.resolve("train-images-idx3-ubyte"), FakeFashionMnist.idx(new int[] {2, 32, 32}, new byte[2 * 32 * 32]));
        Files.write(folder.resolve("train-labels-idx1-ubyte"), FakeFashionMnist.idx(new int[] {2}, new byte[] {3, 4}));
        IOException e = assertThrows(IOException.class, () -> FashionMnist.train(folder));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte holds images of shape [2, 32, 32], not Fashion-MNIST's"), e.getMessage());
    }

    @Test
    void labelsOutsideFashionMnistsTenClassesAreRefusedWithTheFile() throws IOException {
        Files.write(folder.resolve("train-images-idx3-ubyte"), FakeFashionMnist.idx(new int[] {2, 28, 28}, new byte[2 * 28 * 28]));
        Files.write(folder.resolve("train-labels-idx1-ubyte"), FakeFashionMnist.idx(new int[] {2}, new byte[] {3, 28}));
        IOException e = assertThrows(IOException.class, () -> FashionMnist.train(folder));
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte") && e.getMessage().contains("label 1 is 28"), e.getMessage());
    }

    @Test
    void aMissingDatasetSaysHowToInstallIt() {
        IOException e = assertThrows(IOException.class, () -> FashionMnist.train(folder));
        assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist") && e.getMessage().contains("--data"), e.getMessage());
    }

    @Test
    void theRealFashionMnistHasTheKnownShape() throws IOException {
        Path installed = Path.of(FashionMnist.DEFAULT_DIRECTORY);
        Datasets.requireFashionMnist(installed);
        ArrayDataset test = FashionMnist.test(installed);
        assertEquals(10_000, test.size());
        assertArrayEquals(new int[] {1, 28, 28}, test.sampleShape());
        int[] counts = new int[10];
        for (int i = 0; i < test.size(); i++) {
            counts[test.label(i)]++;
        }
        assertArrayEquals(new int[] {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000}, counts);
    }

    private static ArrayDataset numbered(int n) {
        float[] features = new float[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            features[i] = i;
            labels[i] = i;
        }
        return new ArrayDataset(features, new int[] {1}, labels);
    }

    private static List<Integer> epoch(DataLoader loader) {
        List<Integer> seen = new ArrayList<>();
        for (ArrayDataset.Batch batch : loader.epoch()) {
            for (double label : batch.labels().toDoubleArray()) {
                seen.add((int) label);
            }
        }
        return seen;
    }

    @Test
    void anEpochVisitsEverySampleOnceInASeededOrder() {
        DataLoader loader = new DataLoader(numbered(103), 10, true, false, new Rng(5), Device.CPU);
        assertEquals(11, loader.batchesPerEpoch());
        List<Integer> first = epoch(loader);
        assertEquals(103, first.size());
        assertEquals(103, new HashSet<>(first).size());
        List<Integer> second = epoch(loader);
        assertNotEquals(first, second, "each epoch has its own order");
        assertEquals(first, epoch(new DataLoader(numbered(103), 10, true, false, new Rng(5), Device.CPU)), "same seed, same order");
    }

    @Test
    void dropLastDropsTheShortBatch() {
        DataLoader loader = new DataLoader(numbered(103), 10, false, true, new Rng(5), Device.CPU);
        assertEquals(10, loader.batchesPerEpoch());
        List<Integer> seen = epoch(loader);
        assertEquals(100, seen.size());
        Set<Integer> expected = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            expected.add(i);
        }
        assertEquals(expected, new HashSet<>(seen));
    }

    @Test
    void aBatchLargerThanTheDataSetIsOneShortBatchOrRefusedWhenShortBatchesAreDropped() {
        DataLoader loader = new DataLoader(numbered(103), Integer.MAX_VALUE, false, false, new Rng(5), Device.CPU);
        assertEquals(1, loader.batchesPerEpoch());
        assertEquals(103, epoch(loader).size());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new DataLoader(numbered(103), 104, true, true, new Rng(5), Device.CPU));
        assertTrue(refused.getMessage().contains("use at most 103"), refused.getMessage());
    }
}
