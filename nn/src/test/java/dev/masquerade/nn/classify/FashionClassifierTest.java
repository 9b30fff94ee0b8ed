package dev.masquerade.nn.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.data.ArrayDataset;
import dev.masquerade.nn.data.Datasets;
import dev.masquerade.nn.data.FashionMnist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short training run on real Fashion-MNIST (20,000 images, one epoch): it reaches 80% and
 * leaves a complete run folder whose checkpoint restores the same classifier. The full 3-epoch
 * run (≥ 90%) is `masquerade classify`; its figures are in the README. This grades coursework
 * task 4.5, the network: the reference reaches 0.8555 here (23 s on two cores); a network that
 * does not learn stays near 10%.
 */
class FashionClassifierTest {
    @TempDir
    Path folder;

    @Tag("task-4.5")
    @Test
    void oneEpochOnTwentyThousandImagesClassifiesFourInFiveAndLeavesACompleteRunFolder() throws IOException {
        Path data = Path.of(FashionMnist.DEFAULT_DIRECTORY);
        Datasets.requireFashionMnist(data);
        ArrayDataset train = FashionMnist.train(data).head(20_000);
        ArrayDataset test = FashionMnist.test(data).head(2000);
        var options = new FashionClassifier.Options(1, 64, 1e-3, 42, false, Device.CPU);
        FashionClassifier.Result result = FashionClassifier.train(train, test, options, folder);
        assertTrue(result.testAccuracy() >= 0.80, "test accuracy after one epoch of 20,000 images: " + result.testAccuracy()
                + ", below the stated 0.80");

        JsonNode metrics = new ObjectMapper().readTree(folder.resolve("metrics.json").toFile());
        assertEquals(result.testAccuracy(), metrics.get("test_accuracy").asDouble(), 0);
        assertEquals(1, metrics.get("epochs").asInt());
        assertTrue(metrics.get("seconds").asDouble() > 0);
        assertEquals(313 + 1, Files.readAllLines(folder.resolve("metrics.jsonl")).size()); // ⌈20000/64⌉ steps and one epoch line
        byte[] png = Files.readAllBytes(folder.resolve("loss_curve.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));

        FashionClassifier restored = FashionClassifier.load(folder);
        assertEquals(result.testAccuracy(), restored.accuracy(test, Device.CPU), 0);
        assertArrayEquals(new int[] {5, FashionClassifier.FEATURES}, restored.features(test.batch(new int[] {0, 1, 2, 3, 4}, Device.CPU).features()).shape());
    }
}
