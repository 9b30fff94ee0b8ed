package dev.masquerade.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.detection.cnn.CnnDetector;
import dev.masquerade.detection.sources.Kind;
import dev.masquerade.detection.sources.PictureSource;
import dev.masquerade.detection.sources.PictureSources;
import dev.masquerade.detection.sources.Split;
import dev.masquerade.detection.spectrum.SpectrumDetector;
import dev.masquerade.engine.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A detection run: trained on folders of pictures, judged on their held-out fifth, saved and loaded again. */
class DetectionRunTest {
    @TempDir
    Path work;

    @Test
    void theSpectralDetectorSpotsACheckerboardOnPicturesItNeverSaw() throws IOException {
        PictureSource real = PictureSources.parse(TestPictures.folder(work.resolve("real"), 50, 28, false, 1).toString(), Kind.REAL, work);
        PictureSource fake = PictureSources.parse(TestPictures.folder(work.resolve("fake"), 50, 28, true, 2).toString(), Kind.FAKE, work);
        Path out = work.resolve("detector");
        Map<String, Object> metrics = DetectionRun.train(real, fake, new DetectionRun.Options(SpectrumDetector.METHOD, 100, 100,
                SpectrumDetector.Options.DEFAULT, CnnDetector.Options.DEFAULT), out);
        assertEquals(List.of("method", "real", "fake", "training_real", "training_fake", "picture_shape", "held_out_real",
                "held_out_fake", "auc", "accuracy", "spectrum_weights", "seconds"), List.copyOf(metrics.keySet()));
        assertEquals(SpectrumDetector.Options.DEFAULT.points(), ((double[]) metrics.get("spectrum_weights")).length, "one weight per point");
        assertEquals(40, metrics.get("training_real"));
        assertEquals(10, metrics.get("held_out_fake"), "the last fifth by name is held out");
        assertEquals(1.0, (Double) metrics.get("auc"));
        for (String file : List.of("detector.json", "metrics.json", "roc.png", "spectra.png", "scores.csv")) {
            assertTrue(Files.exists(out.resolve(file)), file + " is missing");
        }
        assertEquals(21, Files.readAllLines(out.resolve("scores.csv")).size(), "a header and 20 held-out pictures");
        assertArrayEquals(new int[] {1, 28, 28}, DetectionRun.trainedShape(out), "what 'detect score' compares its pictures with");

        Detector loaded = Detectors.load(out);
        assertEquals(SpectrumDetector.METHOD, loaded.method());
        double[] probabilities = loaded.probabilities(fake.pictures(Split.HELD_OUT, 10));
        // scores.csv holds the trained detector's scores, before it was saved: the loaded one (weights, mean and std) gives the same
        List<String> fakeRows = Files.readAllLines(out.resolve("scores.csv")).stream().filter(l -> l.startsWith("fake,")).toList();
        for (int i = 0; i < probabilities.length; i++) {
            assertEquals(Double.parseDouble(fakeRows.get(i).split(",")[2]), probabilities[i], 1e-6, "held-out fake " + i);
        }
        assertTrue(probabilities[0] > 0.5, "a held-out fake: " + probabilities[0]);

        var again = assertThrows(IOException.class, () -> DetectionRun.train(real, fake, new DetectionRun.Options(SpectrumDetector.METHOD,
                100, 100, SpectrumDetector.Options.DEFAULT, CnnDetector.Options.DEFAULT), out));
        assertTrue(again.getMessage().contains("already holds a detector"), again.getMessage());
    }

    @Test
    void aFolderWithoutADetectorIsNamed() {
        var error = assertThrows(IOException.class, () -> Detectors.load(work));
        assertEquals(work + " holds no detector.json; pass the --out folder of a 'masquerade detect train' run", error.getMessage());
    }

    @Test
    void aSourceThatIsNotThereIsNamedWithWhatASourceCanBe() {
        var error = assertThrows(IOException.class, () -> PictureSources.parse(work.resolve("nothing").toString(), Kind.FAKE, work));
        assertTrue(error.getMessage().endsWith("does not exist; a source is fashion-mnist, a folder of pictures, or the folder of a"
                + " 'masquerade gan train', 'faceswap train' or 'translate train' run"), error.getMessage());
    }

    @Test
    void aSourceTooSmallToHoldAnyOutIsRefusedBeforeTraining() throws IOException {
        PictureSource real = PictureSources.parse(TestPictures.folder(work.resolve("few"), 4, 16, false, 1).toString(), Kind.REAL, work);
        PictureSource fake = PictureSources.parse(TestPictures.folder(work.resolve("fake"), 10, 16, true, 2).toString(), Kind.FAKE, work);
        Path out = work.resolve("detector");
        var error = assertThrows(IOException.class, () -> DetectionRun.train(real, fake, new DetectionRun.Options(CnnDetector.METHOD, 100,
                100, SpectrumDetector.Options.DEFAULT, CnnDetector.Options.DEFAULT), out));
        assertEquals("few has no held-out pictures; a folder needs at least 5 pictures (the last fifth by name is held out)",
                error.getMessage());
        assertTrue(!Files.exists(out.resolve(Detector.FILE)), "nothing trained, nothing saved");
    }
}
