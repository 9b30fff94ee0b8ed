package dev.masquerade.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import dev.masquerade.gan.metrics.FashionJudge;
import dev.masquerade.nn.classify.FashionClassifier;
import dev.masquerade.nn.data.ArrayDataset;
import dev.masquerade.nn.data.Datasets;
import dev.masquerade.nn.data.FashionMnist;
import dev.masquerade.nn.layers.Upsampling;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short DCGAN-28 run on real Fashion-MNIST leaves the run folder the issue lists, resumes
 * where it stopped, and its checkpoint samples images. (The 5-epoch run and its targets are
 * in the README; they take half an hour.)
 */
class FashionRunTest {
    @TempDir
    Path folder;
    @TempDir
    Path classifierFolder;

    @Test
    void aShortRunWritesItsFolderResumesAndSamples() throws IOException {
        Path data = Path.of(FashionMnist.DEFAULT_DIRECTORY);
        Datasets.requireFashionMnist(data);
        ArrayDataset train = FashionMnist.train(data);
        ArrayDataset test = FashionMnist.test(data).head(1000);
        FashionClassifier.train(train.head(2000), test, new FashionClassifier.Options(1, 64, 1e-3, 1, false, Device.CPU), classifierFolder);
        FashionJudge judge = new FashionJudge(FashionClassifier.load(classifierFolder));
        GanTask task = new FashionMnistTask(train.head(640), test, judge, 300);
        // resize-then-convolve in place of the paper's transposed convolutions: the checkpoint must say so to be reloaded
        GanOptions one = GanOptions.builder().smoothing(0.1).epochs(1).seed(7).progress(false).upsampling(Upsampling.RESIZE).build();

        GanRun.train(task, one, folder, false);
        for (String file : List.of("samples_epoch_000.png", "samples_epoch_001.png", "loss.png", "metrics.json", GanRun.CHECKPOINT)) {
            assertTrue(Files.size(folder.resolve(file)) > 100, file);
        }
        JsonNode first = new ObjectMapper().readTree(folder.resolve("metrics.json").toFile());
        double floor = first.get("fd_floor").asDouble(), ceiling = first.get("fd_ceiling").asDouble();
        assertTrue(floor >= 0 && floor < ceiling, "floor " + floor + " below ceiling " + ceiling);
        assertTrue(first.get("class_coverage").asInt() <= 10);
        assertEquals(300, sum(first.get("class_histogram")));
        assertEquals(10, first.get("steps").asInt()); // 640 images / 64
        assertEquals("resize", first.get("upsampling").asText());
        List<String> lines = Files.readAllLines(folder.resolve("metrics.jsonl"));
        JsonNode step = new ObjectMapper().readTree(lines.get(0));
        for (String key : List.of("d_loss", "g_loss", "d_real", "d_fake_before", "d_fake_after", "g_grad_norm")) {
            assertTrue(step.has(key), key + " in " + step);
        }

        GanOptions two = one.toBuilder().epochs(2).build();
        GanRun.train(task, two, folder, true);
        JsonNode second = new ObjectMapper().readTree(folder.resolve("metrics.json").toFile());
        assertEquals(20, second.get("steps").asInt());
        assertEquals(floor, second.get("fd_floor").asDouble(), 0); // baselines are kept, not measured again
        assertEquals(lines.size() * 2, Files.readAllLines(folder.resolve("metrics.jsonl")).size()); // appended, not replaced
        assertTrue(Files.exists(folder.resolve("samples_epoch_002.png")));

        GanRun.Trained trained = GanRun.load(folder.resolve(GanRun.CHECKPOINT));
        assertEquals(GanModel.FASHION_MNIST, trained.model());
        Tensor samples = GanRun.sample(trained.generator(), Tensor.randn(new Rng(3), 5, trained.model().noiseSize()));
        assertArrayEquals(new int[] {5, 1, 28, 28}, samples.shape());
        for (float v : samples.toFloatArray()) {
            assertTrue(v >= -1 && v <= 1, "tanh output " + v);
        }

        IOException done = assertThrows(IOException.class, () -> GanRun.train(task, two, folder, true));
        assertTrue(done.getMessage().contains("has trained 2 epochs already; pass --epochs above 2"), done.getMessage());
        IOException lossMismatch = assertThrows(IOException.class,
                () -> GanRun.train(task, two.toBuilder().loss(GanLoss.HINGE).epochs(3).build(), folder, true));
        assertTrue(lossMismatch.getMessage().contains("was trained with --loss nonsaturating, not hinge"), lossMismatch.getMessage());
        IOException upsamplingMismatch = assertThrows(IOException.class, () -> GanRun.train(task, two.toBuilder().epochs(3)
                .upsampling(Upsampling.SHUFFLE).build(), folder, true));
        assertTrue(upsamplingMismatch.getMessage().contains("was trained with --upsampling resize, not shuffle"), upsamplingMismatch.getMessage());
    }

    private static int sum(JsonNode counts) {
        int total = 0;
        for (JsonNode c : counts) {
            total += c.asInt();
        }
        return total;
    }
}
