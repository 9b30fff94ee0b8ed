package dev.masquerade.translation.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Fashion-MNIST tasks: edges of items, two classes as two domains, and the judge's figures. */
class FashionTasksTest {
    @TempDir
    static Path classifierFolder;
    private static ArrayDataset train;
    private static ArrayDataset test;
    private static FashionJudge judge;

    @BeforeAll
    static void judgeTrainedBriefly() throws IOException {
        Path data = Path.of(FashionMnist.DEFAULT_DIRECTORY);
        Datasets.requireFashionMnist(data);
        train = FashionMnist.train(data);
        test = FashionMnist.test(data).head(2000);
        FashionClassifier.train(train.head(3000), test, new FashionClassifier.Options(1, 64, 1e-3, 1, false, Device.CPU), classifierFolder);
        judge = new FashionJudge(FashionClassifier.load(classifierFolder));
    }

    @Test
    void theEdgesOfASquareAreItsOutline() {
        Tensor square = Tensor.full(-1, 1, 1, 8, 8);
        square.narrow(2, 2, 4).narrow(3, 2, 4).copyFrom(Tensor.full(1, 1, 1, 4, 4));
        float[] edges = Edges2Fashion.edges(square).toFloatArray();
        assertEquals(1, edges[2 * 8 + 2], "a corner of the square is an edge");
        assertEquals(-1, edges[0], "far from it, no edge");
        assertEquals(1, edges[3 * 8 + 1], "the pixel beside the square's side is an edge too (Sobel sees both)");
        for (float e : edges) {
            assertTrue(e == 1 || e == -1, "an edge map is black or white");
        }
    }

    @Test
    void itemsAreFramedTo32PixelsAndBack() {
        Tensor items = test.batch(new int[] {0, 1}, Device.CPU).features();
        Tensor framed = FashionPictures.framed(items);
        assertArrayEquals(new int[] {2, 1, 32, 32}, framed.shape());
        assertArrayEquals(items.toFloatArray(), FashionPictures.unframed(framed).toFloatArray(), 1e-6f);
    }

    @Test
    void edgesToFashionIsJudgedOnHeldOutItems() {
        Edges2Fashion task = new Edges2Fashion(train, test, judge, 300);
        TranslationTask.Batch batch = task.batches(4, true, new Rng(1)).get();
        assertArrayEquals(Edges2Fashion.edges(batch.b()).toFloatArray(), batch.a().toFloatArray(), "a is b's edge map");
        Map<String, Object> cheat = task.figures(task.heldOutItems()); // a translator that gives the truth back
        assertEquals(100.0, cheat.get("psnr"), "the truth is perfect");
        assertTrue((double) cheat.get("fd") < 2 * (double) cheat.get("fd_floor") + 5, cheat.toString());
        assertTrue((double) cheat.get("same_class") > 0.6, "about the briefly trained judge's accuracy: " + cheat);
        Map<String, Object> blank = task.evaluate(x -> x.mul(0).sub(1), null);
        assertEquals(1, blank.get("class_coverage"), "black pictures are all one class");
        assertTrue((double) blank.get("fd") > 10 * (double) cheat.get("fd"), blank + " vs " + cheat);
    }

    @Test
    void sneakersToSandalsHasNoPairsAndCountsSandals() {
        Sneakers2Sandals task = new Sneakers2Sandals(train, test, judge, 100);
        var error = assertThrows(IllegalArgumentException.class, () -> task.batches(2, true, new Rng(1)));
        assertTrue(error.getMessage().contains("--model cyclegan"), error.getMessage());
        TranslationTask.Batch previews = task.previews();
        Map<String, Object> sandalsForSneakers = task.evaluate(x -> previews.b().narrow(0, 0, 1).expand(x.shape()), x -> x);
        assertEquals(1.0, (double) sandalsForSneakers.get("translated_as_target"), 0.01);
        assertTrue((double) sandalsForSneakers.get("baseline_translated_as_target") < 0.5, sandalsForSneakers.toString());
        assertTrue(sandalsForSneakers.containsKey("cycle_ssim") && sandalsForSneakers.containsKey("back_translated_as_source"));
    }
}
