package dev.masquerade.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.detection.GeneralisationExperiment.Condition;
import dev.masquerade.detection.cnn.CnnDetector;
import dev.masquerade.detection.sources.Kind;
import dev.masquerade.detection.sources.PictureSource;
import dev.masquerade.detection.sources.PictureSources;
import dev.masquerade.detection.spectrum.SpectrumDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two experiments: spectra side by side, and a detector judged on other fakes, compressed and blurred. */
class ExperimentsTest {
    @TempDir
    Path work;

    private PictureSource folder(String name, int size, boolean checkered, long seed) throws IOException {
        return PictureSources.parse(TestPictures.folder(work.resolve(name), 30, size, checkered, seed).toString(), Kind.FAKE, work);
    }

    @Test
    void theSpectraShowACheckerboardAsLoudAtTheHighestFrequencies() throws IOException {
        Path out = work.resolve("spectra");
        Map<String, Object> metrics = SpectraExperiment.run(List.of(folder("real", 28, false, 1), folder("checkered", 28, true, 2)), 6, out);
        @SuppressWarnings("unchecked")
        Map<String, Double> louder = (Map<String, Double>) metrics.get("high_frequency_db_above_first");
        assertEquals(0.0, louder.get("real"));
        assertTrue(louder.get("checkered") > 3, "the checkerboard's highest quarter: " + louder.get("checkered") + " dB");
        assertEquals(Map.of("real", 6, "checkered", 6), metrics.get("pictures"), "up to --count held-out pictures of each");
        assertTrue(Files.size(out.resolve("fingerprints.png")) > 1000);
        assertTrue(Files.exists(out.resolve("spectra.png")) && Files.exists(out.resolve("metrics.json")));

        var sizes = assertThrows(IOException.class, () -> SpectraExperiment.run(List.of(folder("small", 16, false, 3),
                folder("large", 20, false, 4)), 6, work.resolve("sizes")));
        assertEquals("spectra are compared at one size: large has a 20 x 20 picture, small 16 x 16 ones; resize them all to one size first",
                sizes.getMessage());
        PictureSource twice = folder("small", 16, false, 3);
        var names = assertThrows(IOException.class, () -> SpectraExperiment.run(List.of(twice, twice), 6, work.resolve("twice")));
        assertTrue(names.getMessage().startsWith("two sources are both named 'small'"), names.getMessage());
    }

    @Test
    void aStrongCheckerboardSurvivesJpegButNotABlur() throws IOException {
        PictureSource real = folder("real", 28, false, 1), fake = folder("fake", 28, true, 2);
        Path model = work.resolve("model");
        DetectionRun.train(real, fake, new DetectionRun.Options(SpectrumDetector.METHOD, 100, 100, SpectrumDetector.Options.DEFAULT,
                CnnDetector.Options.DEFAULT), model);
        List<GeneralisationExperiment.Row> rows = GeneralisationExperiment.run(Detectors.load(model), real, List.of(fake),
                List.of(Condition.CLEAN, Condition.jpeg(50), Condition.blur(1.5)), 100, work.resolve("evaluation"));
        assertEquals(List.of("clean", "jpeg 50", "blur 1.5"), rows.stream().map(GeneralisationExperiment.Row::condition).toList());
        assertEquals(1.0, rows.get(0).auc());
        assertTrue(rows.get(2).auc() < 0.8, "after a blur: " + rows.get(2));
        // JPEG keeps 8 × 8 blocks' low frequencies and coarsely rounds the rest: a checkerboard of 3% still shows at quality 50
        assertTrue(rows.get(1).auc() > 0.9, "after JPEG at quality 50: " + rows.get(1));
        assertEquals(6, rows.get(0).heldOutReal());
        String json = Files.readString(work.resolve("evaluation/metrics.json"));
        assertTrue(json.contains("\"condition\" : \"jpeg 50\"") && json.contains("\"held_out_fake\" : 6"), json);
    }
}
