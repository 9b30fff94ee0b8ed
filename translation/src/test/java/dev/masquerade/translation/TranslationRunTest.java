package dev.masquerade.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masquerade.nn.io.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A translation run leaves the folder the issue lists, resumes where it stopped, and its checkpoint translates. */
class TranslationRunTest {
    @TempDir
    Path folder;

    private static TranslationOptions options(TranslationModel model, int steps) {
        TranslationOptions d = TranslationOptions.defaults(model, steps);
        return new TranslationOptions(model, d.upsampling(), d.norm(), steps, 0, 0, 1e-3, d.beta1(), -1, d.identity(), 2, 3, 7, false);
    }

    private static JsonNode summary(Path folder) throws IOException {
        return new ObjectMapper().readTree(folder.resolve("metrics.json").toFile());
    }

    @Test
    void eachModelWritesPreviewsCurvesFiguresAndACheckpoint() throws IOException {
        for (TranslationModel model : TranslationModel.values()) {
            Path run = folder.resolve(model.cliName());
            TranslationRun.train(new TinyTask(model.needsPairs()), options(model, 4), run, false);
            for (String file : List.of("preview_step_000000.png", "preview_step_000002.png", "preview_step_000004.png", "loss.png",
                    "metrics.json", TranslationRun.CHECKPOINT)) {
                assertTrue(Files.size(run.resolve(file)) > 100, model.cliName() + ": " + file);
            }
            JsonNode s = summary(run);
            for (String key : List.of("psnr", "ssim", "l1", "steps", "seconds", "task", "model")) {
                assertTrue(s.has(key), model.cliName() + " metrics.json has " + key + ": " + s);
            }
            assertEquals(model == TranslationModel.CYCLEGAN, s.has("cycle_ssim"), model.cliName());
            assertEquals(4, s.get("steps").asInt());
            // columns: input, output, truth, and for CycleGAN the way back; rows: the three held-out examples
            var preview = Images.decode(run.resolve("preview_step_000004.png"));
            int columns = model == TranslationModel.CYCLEGAN ? 4 : 3;
            assertEquals(columns * 18 + 2, preview.getWidth(), model.cliName());
            assertEquals(3 * 18 + 2, preview.getHeight(), model.cliName());
        }
    }

    @Test
    void aResumedRunGoesOnFromItsCheckpointToTheNewStepCount() throws IOException {
        TranslationRun.train(new TinyTask(true), options(TranslationModel.PIX2PIX, 3), folder, false);
        TranslationRun.train(new TinyTask(true), options(TranslationModel.PIX2PIX, 6), folder, true);
        assertEquals(6, summary(folder).get("steps").asInt());
        List<Long> steps = Files.readAllLines(folder.resolve("metrics.jsonl")).stream()
                .map(line -> line.replaceAll(".*\"step\":(\\d+).*", "$1")).filter(s -> s.matches("\\d+")).map(Long::parseLong).toList();
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), steps, "each step logged once");
    }

    @Test
    void aResumedRunMustBeTheSameRunAndHaveStepsLeft() throws IOException {
        TranslationRun.train(new TinyTask(true), options(TranslationModel.PIX2PIX, 3), folder, false);
        var other = assertThrows(IOException.class,
                () -> TranslationRun.train(new TinyTask(true), options(TranslationModel.UNET_L1, 6), folder, true));
        assertTrue(other.getMessage().contains("model pix2pix, not unet-l1"), other.getMessage());
        var done = assertThrows(IOException.class,
                () -> TranslationRun.train(new TinyTask(true), options(TranslationModel.PIX2PIX, 3), folder, true));
        assertTrue(done.getMessage().contains("pass --steps above 3"), done.getMessage());
    }

    @Test
    void aModelThatNeedsPairsRefusesATaskWithout() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> TranslationRun.train(new TinyTask(false), options(TranslationModel.PIX2PIX, 2), folder, false));
        assertTrue(error.getMessage().contains("--model cyclegan"), error.getMessage());
    }

    @Test
    void aCheckpointRestoresTheTrainedGenerators() throws IOException {
        TranslationRun.train(new TinyTask(false), options(TranslationModel.CYCLEGAN, 2), folder, false);
        TranslationRun.Trained trained = TranslationRun.load(folder.resolve(TranslationRun.CHECKPOINT));
        assertEquals("tiny-unpaired", trained.task());
        assertEquals(TranslationModel.CYCLEGAN, trained.model());
        var figures = new TinyTask(false).evaluate(TranslationRun.translator(trained.networks().forward()),
                TranslationRun.translator(trained.networks().backward()));
        JsonNode s = summary(folder);
        assertEquals(s.get("psnr").asDouble(), (double) figures.get("psnr"), 1e-9, "the loaded generator is the one the run measured");
        assertEquals(s.get("cycle_ssim").asDouble(), (double) figures.get("cycle_ssim"), 1e-9);
    }
}
