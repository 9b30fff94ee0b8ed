package dev.masquerade.detection.sources;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.autoencoder.FaceSwapConfig;
import dev.masquerade.autoencoder.FaceSwapOptions;
import dev.masquerade.autoencoder.FaceSwapTrainer;
import dev.masquerade.detection.TestPictures;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import dev.masquerade.gan.metrics.FashionJudge;
import dev.masquerade.nn.classify.FashionClassifier;
import dev.masquerade.nn.data.ArrayDataset;
import dev.masquerade.nn.data.Datasets;
import dev.masquerade.nn.data.FashionMnist;
import dev.masquerade.translation.TranslationModel;
import dev.masquerade.translation.TranslationOptions;
import dev.masquerade.translation.TranslationRun;
import dev.masquerade.translation.tasks.Sneakers2Sandals;
import dev.masquerade.nn.io.Checkpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run folders as sources: a face swap run gives its swapped faces as fakes and person B's own as real pictures; a translation run its translations and its task's B pictures. */
class RunSourcesTest {
    @TempDir
    Path work;

    private Path faceSwapRun(FaceSwapTrainer.Data data) throws IOException {
        Path run = work.resolve("swap");
        FaceSwapTrainer.train(data, FaceSwapOptions.builder().model(new FaceSwapConfig(64, 4, 16, false)).steps(2).batchSize(2)
                .learningRate(1e-3).previewEvery(2).checkpointEvery(2).seed(7).progress(false).device(Device.CPU).build(), run, false);
        return run;
    }

    @Test
    void aSyntheticFaceSwapRunGivesItsHeldOutPairs() throws IOException {
        FaceSwapTrainer.Data data = FaceSwapTrainer.Data.synthetic(6, 4, 64, 3);
        Path run = faceSwapRun(data);
        PictureSource real = PictureSources.parse(run.toString(), Kind.REAL, work);
        PictureSource fake = PictureSources.parse(run.toString(), Kind.FAKE, work);
        List<Tensor> realHeldOut = real.pictures(Split.HELD_OUT, 10), fakeHeldOut = fake.pictures(Split.HELD_OUT, 10);
        assertEquals(4, realHeldOut.size(), "the run's held-out pairs");
        assertArrayEquals(new int[] {3, 64, 64}, fakeHeldOut.get(0).shape());
        assertArrayEquals(PictureSource.quantised(data.heldOut().b().images().narrow(0, 0, 1).reshape(3, 64, 64)).toDoubleArray(),
                realHeldOut.get(0).toDoubleArray(), 1e-6, "the real held-out faces are B drawn with A's pose, as the run drew them");
        assertEquals(6, fake.pictures(Split.TRAINING, 100).size());
        assertEquals("swap (A swapped to B)", fake.description());
        assertEquals("swap (real B faces)", real.description());
    }

    @Test
    void aFolderFaceSwapRunFindsItsFoldersAgain() throws IOException {
        Path a = TestPictures.folder(work.resolve("a"), 10, 64, false, 1);
        Path b = TestPictures.folder(work.resolve("b"), 10, 64, true, 2);
        Path run = faceSwapRun(FaceSwapTrainer.Data.folders(a, b, 64));
        assertEquals(2, PictureSources.parse(run.toString(), Kind.REAL, work).pictures(Split.HELD_OUT, 10).size(), "the last fifth of b");
        assertEquals(8, PictureSources.parse(run.toString(), Kind.FAKE, work).pictures(Split.TRAINING, 10).size());
    }

    @Test
    void aTranslationRunGivesItsTranslationsAndItsTasksRealPictures() throws IOException {
        Path data = Path.of(FashionMnist.DEFAULT_DIRECTORY);
        Datasets.requireFashionMnist(data);
        ArrayDataset train = FashionMnist.train(data), test = FashionMnist.test(data);
        Path judgeFolder = work.resolve("judge");
        FashionClassifier.train(train.head(1000), test.head(500), new FashionClassifier.Options(1, 64, 1e-3, 1, false, Device.CPU), judgeFolder);
        Files.writeString(judgeFolder.resolve(FashionJudge.TRAINED_ON), FashionMnist.fingerprint(data) + "\n"); // taken as the judge
        Path run = work.resolve("cyclegan");
        TranslationOptions defaults = TranslationOptions.defaults(TranslationModel.CYCLEGAN, 2);
        TranslationRun.train(new Sneakers2Sandals(train, test, new FashionJudge(FashionClassifier.load(judgeFolder)), 10),
                new TranslationOptions(TranslationModel.CYCLEGAN, defaults.upsampling(), defaults.norm(), 2, 4, 2, 1e-3, defaults.beta1(), -1,
                        defaults.identity(), 2, 3, 7, false), run, false);
        List<Tensor> translations = new TranslationRunPictures(run, Kind.FAKE, data, judgeFolder).pictures(Split.HELD_OUT, 6);
        List<Tensor> sandals = new TranslationRunPictures(run, Kind.REAL, data, judgeFolder).pictures(Split.TRAINING, 5);
        assertEquals(6, translations.size());
        assertArrayEquals(new int[] {1, 28, 28}, translations.get(0).shape(), "unframed, as Fashion-MNIST's items");
        assertEquals(5, sandals.size());
    }

    @Test
    void aGanRunIsNoSourceOfRealPictures() throws IOException {
        Path run = Files.createDirectories(work.resolve("gan"));
        Checkpoint.save(run.resolve("checkpoint.json"), Map.of(), Map.of("model", "gan"));
        var error = assertThrows(IOException.class, () -> PictureSources.parse(run.toString(), Kind.REAL, work));
        assertTrue(error.getMessage().endsWith("is a GAN run: its pictures are generated, not real; pass fashion-mnist as the real source"),
                error.getMessage());
    }
}
