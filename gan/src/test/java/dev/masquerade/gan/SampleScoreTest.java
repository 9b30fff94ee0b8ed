package dev.masquerade.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import dev.masquerade.gan.metrics.FashionJudge;
import dev.masquerade.nn.classify.FashionClassifier;
import dev.masquerade.nn.data.ArrayDataset;
import dev.masquerade.nn.data.Datasets;
import dev.masquerade.nn.data.FashionMnist;
import dev.masquerade.nn.data.Npy;
import dev.masquerade.nn.io.Images;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The judge on samples from outside a run: real training images score far nearer the test set
 * than noise and cover more classes; samples load from .npy in [0, 1] or bytes, and a file of
 * another shape or range is one line.
 */
class SampleScoreTest {
    @TempDir
    Path dir;

    @Test
    void realImagesScoreNearTheTestSetAndNoiseFarFromIt() throws IOException {
        Path data = Path.of(FashionMnist.DEFAULT_DIRECTORY);
        Datasets.requireFashionMnist(data);
        ArrayDataset train = FashionMnist.train(data), test = FashionMnist.test(data).head(1000);
        FashionClassifier.train(train.head(2000), test, new FashionClassifier.Options(1, 64, 1e-3, 1, false, Device.CPU), dir.resolve("judge"));
        FashionMnistTask task = new FashionMnistTask(train.head(10), test, new FashionJudge(FashionClassifier.load(dir.resolve("judge"))), 500);
        Path real = dir.resolve("real.npy");
        Npy.write(train.batch(java.util.stream.IntStream.range(0, 500).toArray(), Device.CPU).features(), real);
        GanTask.Evaluation ofReal = task.score(SampleFiles.load(real));
        GanTask.Evaluation ofNoise = task.score(Tensor.rand(new Rng(1), 500, 1, 28, 28));
        assertTrue((Double) ofReal.metrics().get("fd") * 5 < (Double) ofNoise.metrics().get("fd"), ofReal.metrics() + " against " + ofNoise.metrics());
        // the judge here learnt one epoch of 2,000 images: it confuses some classes, but real images still spread over most
        assertTrue(ofReal.covered() >= 7 && ofReal.covered() > ofNoise.covered(), ofReal.covered() + " classes against noise's " + ofNoise.covered());
    }

    @Test
    void samplesComeInZeroToOneAndOtherwiseSayWhatIsWrong() throws IOException {
        Path bytes = dir.resolve("bytes.npy");
        Npy.write(Tensor.full(255, 3, 28, 28), bytes);
        assertEquals(1.0, SampleFiles.load(bytes).max().item(), 1e-6, "bytes 0..255 are scaled to [0, 1]");
        Path tanh = dir.resolve("tanh.npy");
        Npy.write(Tensor.full(-0.5, 3, 1, 28, 28), tanh);
        assertTrue(assertThrows(IOException.class, () -> SampleFiles.load(tanh)).getMessage().contains("becomes (x + 1) / 2"));
        Path wrong = dir.resolve("wrong.npy");
        Npy.write(Tensor.zeros(3, 32, 32), wrong);
        assertEquals(wrong + " holds [3, 1, 32, 32]; samples to judge are [N, 28, 28] or [N, 1, 28, 28]",
                assertThrows(IOException.class, () -> SampleFiles.load(wrong)).getMessage());
    }

    @Test
    void aGridShowsTheFirst64SamplesEightToARow() throws IOException {
        Path png = dir.resolve("grid.png");
        SampleFiles.writeGrid(Tensor.rand(new Rng(2), 100, 1, 28, 28), png);
        // 28-pixel samples with 2 pixels between and around them
        assertEquals(new java.awt.Dimension(8 * 30 + 2, 8 * 30 + 2), Images.dimensions(png), "64 of the 100 samples, 8 to a row");
        SampleFiles.writeGrid(Tensor.rand(new Rng(3), 10, 1, 28, 28), png);
        assertEquals(new java.awt.Dimension(8 * 30 + 2, 2 * 30 + 2), Images.dimensions(png), "10 samples make 2 rows");
    }
}
