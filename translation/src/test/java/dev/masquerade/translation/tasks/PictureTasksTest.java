package dev.masquerade.translation.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.io.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The photo tasks read their folders, cut aligned crops, and measure against their baselines. */
class PictureTasksTest {
    @TempDir
    Path folder;
    private final Rng rng = new Rng(4);

    private void picture(Path file, Tensor image) throws IOException {
        Files.createDirectories(file.getParent());
        Images.writePng(image, file);
    }

    @Test
    void identicalPicturesScoreTheBestFigures() {
        Tensor x = Tensor.rand(rng, 2, 3, 16, 16);
        Map<String, Object> same = PictureMetrics.compare(x, x, "baseline_");
        assertEquals(100.0, same.get("baseline_psnr"));
        assertEquals(1.0, (double) same.get("baseline_ssim"), 1e-6);
        assertEquals(0.0, same.get("baseline_l1"));
        // a uniform error of 0.1 is a mean squared error of 0.01: 20 dB
        assertEquals(20, PictureMetrics.psnr(x.mul(0).add(0.5), x.mul(0).add(0.6)), 1e-4);
    }

    @Test
    void pairedCropsCutTheSameWindowOfBothPictures() {
        Tensor a = Tensor.randn(rng, 1, 3, 20, 24);
        TranslationTask.Batch batch = Photos.crops(List.of(a), List.of(a.mul(-1)), 6, 8, true, rng);
        assertArrayEquals(new int[] {6, 3, 8, 8}, batch.a().shape());
        assertArrayEquals(batch.a().neg().toFloatArray(), batch.b().toFloatArray());
    }

    @Test
    void unpairedCropsComeFromIndependentlyDrawnPictures() {
        Tensor a = Tensor.full(0.5, 1, 3, 20, 24);
        List<Tensor> bs = List.of(Tensor.full(-0.5, 1, 3, 20, 24), Tensor.full(-0.9, 1, 3, 20, 24));
        TranslationTask.Batch batch = Photos.crops(List.of(a), bs, 40, 8, false, rng);
        float[] b = batch.b().toFloatArray();
        boolean first = false, second = false;
        for (float v : b) {
            first |= v == -0.5f;
            second |= v == -0.9f;
        }
        assertTrue(first && second, "both B pictures are drawn, whatever the A picture of the pair was");
    }

    @Test
    void tilesCoverEachPictureWithWholeAlignedSquares() {
        Tensor a = Tensor.randn(rng, 1, 3, 20, 25);
        TranslationTask.Batch tiles = Photos.tiles(List.of(a, a.narrow(2, 0, 8)), List.of(a.mul(-1), a.narrow(2, 0, 8).mul(-1)), 8);
        assertEquals(2 * 3 + 3, tiles.a().size(0), "2 rows of 3 whole tiles, then 1 row of 3; the leftover pixels are dropped");
        assertArrayEquals(a.narrow(2, 8, 8).narrow(3, 16, 8).toFloatArray(), tiles.a().narrow(0, 5, 1).toFloatArray(),
                "tile 5 is row 1, column 2");
        assertArrayEquals(tiles.a().neg().toFloatArray(), tiles.b().toFloatArray());
    }

    @Test
    void flippingMirrorsLeftAndRight() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 1, 1, 2, 3);
        assertArrayEquals(new float[] {3, 2, 1, 6, 5, 4}, Photos.flip(x).toFloatArray());
    }

    @Test
    void dayToNightTrainsOnEveryPairButTheHeldOutOne() throws IOException {
        Path pairs = folder.resolve("day2night");
        for (String name : List.of("aurora", "glow", DayToNight.HELD_OUT)) {
            Tensor day = Tensor.rand(rng, 3, 40, 40);
            picture(pairs.resolve(name + "-l.png"), day);
            picture(pairs.resolve(name + "-d.png"), day.mul(0.3));
        }
        DayToNight task = new DayToNight(pairs);
        assertEquals(2, task.trainingPairs());
        TranslationTask.Batch held = task.previews();
        assertArrayEquals(new int[] {1, 3, 256, 256}, held.a().shape());
        Map<String, Object> identity = task.evaluate(x -> x, null);
        assertEquals(identity.get("baseline_psnr"), identity.get("psnr"), "the identity translator is the baseline");
        assertEquals(DayToNight.HELD_OUT, identity.get("held_out"));
        assertArrayEquals(new int[] {16, 3, 64, 64}, task.heldOut().b().shape(), "a detector is judged on the held-out pair's tiles");
    }

    @Test
    void superResolutionsInputIsTheShrunkPhotoEnlargedByBicubic() throws IOException {
        Tensor photo = Tensor.rand(rng, 3, 70, 130);
        picture(folder.resolve("superres/train/a.png"), photo);
        picture(folder.resolve("superres/held-out/b.png"), Tensor.rand(rng, 3, 64, 128));
        SuperResolution task = new SuperResolution(folder.resolve("superres"));
        Map<String, Object> bicubic = task.evaluate(x -> x, null);
        assertEquals(bicubic.get("baseline_psnr"), bicubic.get("psnr"), "a translator that changes nothing is bicubic");
        assertEquals(1, bicubic.get("held_out_photos"));
        assertArrayEquals(new int[] {2, 3, 64, 64}, task.heldOut().a().shape(), "a detector is judged on the held-out photos' tiles");
        TranslationTask.Batch batch = task.batches(3, true, rng).get();
        assertArrayEquals(new int[] {3, 3, 64, 64}, batch.b().shape());
        Tensor small = Tensor.rand(rng, 1, 3, 8, 8).mul(2).sub(1);
        Tensor enlarged = SuperResolution.enlarged(small.resizeBicubic(32, 32));
        assertArrayEquals(new int[] {1, 3, 32, 32}, enlarged.shape());
    }

    @Test
    void missingPicturesSayWhichScriptFetchesThem() {
        for (String task : List.of("day2night", "superres")) {
            var error = assertThrows(IOException.class, () -> TranslationTasks.create(task, new TranslationTasks.Sources(null, null,
                    folder.resolve("nothing"), 10, false)));
            assertTrue(error.getMessage().contains(task) && error.getMessage().contains(Photos.FETCH), error.getMessage());
        }
        var unknown = assertThrows(IllegalArgumentException.class, () -> TranslationTasks.requireKnown("horse2zebra"));
        assertTrue(unknown.getMessage().contains("day2night, edges2fashion, superres, sneakers2sandals"), unknown.getMessage());
    }
}
