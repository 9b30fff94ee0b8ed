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
        assertEquals(List.of("method", "real", "fake", "training_real", "training_fake", "held_out_real", "held_out_fake", "auc",
                "accuracy", "seconds"), List.copyOf(metrics.keySet()));
        assertEquals(40, metrics.get("training_real"));
        assertEquals(10, metrics.get("held_out_fake"), "the last fifth by name is held out");
        assertEquals(1.0, (Double) metrics.get("auc"));
        for (String file : List.of("detector.json", "metrics.json", "roc.png", "spectra.png", "scores.csv")) {
            assertTrue(Files.exists(out.resolve(file)), file + " is missing");
        }
        assertEquals(21, Files.readAllLines(out.resolve("scores.csv")).size(), "a header and 20 held-out pictures");

        List<Tensor> heldOut = fake.pictures(Split.HELD_OUT, 10);
        Detector trained = Detectors.load(out);
        assertEquals(SpectrumDetector.METHOD, trained.method());
        double[] probabilities = trained.probabilities(heldOut);
        assertArrayEquals(DetectionRun.evaluate(trained, real.pictures(Split.HELD_OUT, 10), heldOut).fakeScores(), probabilities, 1e-12);
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
                + " 'masquerade gan train' run"), error.getMessage());
    }
}
