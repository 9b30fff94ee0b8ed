package dev.masquerade.autoencoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masquerade.autoencoder.augment.Augmentation;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.io.Checkpoint;
import dev.masquerade.nn.io.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training runs: what they write, how they resume, what they refuse. */
class FaceSwapTrainerTest {
    private static final FaceSwapTrainer.Data DATA = FaceSwapTrainer.Data.synthetic(24, 8, 64, 1);

    @TempDir
    Path folder;

    private static FaceSwapOptions options(int steps, boolean masks) {
        return FaceSwapOptions.builder().model(new FaceSwapConfig(64, 4, 16, masks)).steps(steps).batchSize(4).learningRate(1e-3)
                .previewEvery(2).checkpointEvery(2).seed(7).progress(false).device(Device.CPU).build();
    }

    @Test
    void aRunWritesPicturesMetricsAndACheckpoint() throws IOException {
        Map<String, Object> metrics = FaceSwapTrainer.train(DATA, options(3, true), folder, false).metrics();
        for (String file : List.of("preview.png", "swap.png", "loss.png", "metrics.json", "metrics.jsonl", FaceSwapTrainer.CHECKPOINT)) {
            assertTrue(Files.exists(folder.resolve(file)), file + " is missing");
        }
        for (String key : List.of("swap_ssim", "baseline_ssim", "recon_ssim_a", "recon_ssim_b", "recon_psnr_a", "steps", "seconds")) {
            assertTrue(metrics.containsKey(key), key + " is missing from " + metrics.keySet());
        }
        assertEquals(metrics.get("swap_ssim"), new ObjectMapper().readValue(folder.resolve("metrics.json").toFile(), Map.class).get("swap_ssim"));
        List<String> log = Files.readAllLines(folder.resolve("metrics.jsonl"));
        assertEquals(3, log.stream().filter(l -> l.contains("\"loss\"")).count(), "one line per step");
        assertEquals(2, log.stream().filter(l -> l.contains("\"swap_ssim\"")).count(), "held-out metrics at steps 2 and 3");
        // preview columns with masks: A, A->A, its mask, A->B, its mask, then the same five for B
        var preview = Images.read(folder.resolve("preview.png"), 3, 0);
        assertEquals(2 + 10 * (64 + 2), preview.size(2));
    }

    @Test
    void aTimelapseSavesTheSwapAtEveryPreviewAndAGifOfThemAll(@TempDir Path timelapse) throws IOException {
        FaceSwapOptions options = options(3, false).toBuilder().timelapse(timelapse).build();
        Map<String, Object> metrics = FaceSwapTrainer.train(DATA, options, folder, false).metrics();
        assertTrue(Files.exists(timelapse.resolve("step_000002.png")) && Files.exists(timelapse.resolve("step_000003.png")));
        assertEquals(2, metrics.get("timelapse_frames"));
        try (var in = javax.imageio.ImageIO.createImageInputStream(timelapse.resolve("timelapse.gif").toFile())) {
            var reader = javax.imageio.ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(2, reader.getNumImages(true), "one GIF frame per saved step");
        }
    }

    @Test
    void resumingContinuesFromTheSavedStep() throws IOException {
        FaceSwapTrainer.train(DATA, options(2, false), folder, false);
        FaceSwapTrainer.train(DATA, options(4, false), folder, true);
        assertEquals(4, ((Number) Checkpoint.load(folder.resolve(FaceSwapTrainer.CHECKPOINT)).config().get("steps_done")).intValue());
        List<String> lines = Files.readAllLines(folder.resolve("metrics.jsonl")).stream().filter(l -> l.contains("\"loss\"")).toList();
        assertEquals(4, lines.size(), "the resumed run appends steps 3 and 4 to the log of steps 1 and 2");
        assertTrue(lines.get(2).contains("\"step\":3"), lines.get(2));
    }

    @Test
    void anAdversaryJudgesEachSideAndResumesWithTheModel() throws IOException {
        FaceSwapTrainer.train(DATA, options(2, true).toBuilder().ganWeight(0.1).build(), folder, false);
        assertTrue(Files.exists(folder.resolve(FaceSwapAdversary.CHECKPOINT)));
        FaceSwapTrainer.train(DATA, options(3, true).toBuilder().ganWeight(0.1).build(), folder, true);
        List<String> steps = Files.readAllLines(folder.resolve("metrics.jsonl")).stream().filter(l -> l.contains("\"loss\"")).toList();
        assertEquals(3, steps.size());
        var last = new ObjectMapper().readTree(steps.get(2));
        for (String key : List.of("loss_a", "loss_b", "gan_a", "gan_b", "d_loss_a", "d_loss_b")) {
            assertTrue(Double.isFinite(last.get(key).asDouble()), key + " in " + last);
        }
        assertTrue(last.get("gan_a").asDouble() > 0 && last.get("loss_a").asDouble() > last.get("gan_a").asDouble(),
                "the adversarial part is one positive part of side A's loss: " + last);
        // The model alone still loads for swapping: the adversary lives in its own file.
        FaceSwapModel restored = FaceSwapper.load(folder.resolve(FaceSwapTrainer.CHECKPOINT), Device.CPU);
        assertEquals(3, restored.decode(FaceSwapModel.Side.B, restored.encode(DATA.a().images().narrow(0, 0, 1))).face().size(1));
    }

    @Test
    void resumingWithAnAdversaryARunTrainedWithoutOneSaysSo() throws IOException {
        FaceSwapTrainer.train(DATA, options(1, false), folder, false);
        IOException error = assertThrows(IOException.class,
                () -> FaceSwapTrainer.train(DATA, options(2, false).toBuilder().ganWeight(0.1).build(), folder, true));
        assertTrue(error.getMessage().contains("trained without it"), error.getMessage());
    }

    @Test
    void resumingWithoutACheckpointSaysSo() {
        IOException error = assertThrows(IOException.class, () -> FaceSwapTrainer.train(DATA, options(2, false), folder, true));
        assertTrue(error.getMessage().contains("no checkpoint.json"), error.getMessage());
    }

    @Test
    void trainingLowersTheLoss() throws IOException {
        var opts = FaceSwapOptions.builder().model(new FaceSwapConfig(64, 8, 32, false)).steps(40).batchSize(8).learningRate(1e-3)
                .augmentation(Augmentation.NONE).checkpointEvery(100).seed(3).progress(false).device(Device.CPU).build();
        FaceSwapTrainer.train(DATA, opts, folder, false);
        List<String> lines = Files.readAllLines(folder.resolve("metrics.jsonl")).stream().filter(l -> l.contains("\"loss\"")).toList();
        ObjectMapper json = new ObjectMapper();
        double first = 0, last = 0;
        for (int i = 0; i < 5; i++) {
            first += ((Number) json.readValue(lines.get(i), Map.class).get("loss")).doubleValue();
            last += ((Number) json.readValue(lines.get(lines.size() - 1 - i), Map.class).get("loss")).doubleValue();
        }
        assertTrue(last < 0.8 * first, "mean loss of the first 5 steps " + first / 5 + ", of the last 5 " + last / 5);
    }

    @Test
    void aCheckpointOfAnotherArchitectureIsRefusedByName() throws IOException {
        FaceSwapTrainer.train(DATA, options(1, false), folder, false);
        Path checkpoint = folder.resolve(FaceSwapTrainer.CHECKPOINT);
        // the same tensors under a manifest that claims another width
        var contents = Checkpoint.load(checkpoint);
        Map<String, Object> config = new java.util.LinkedHashMap<>(contents.config());
        config.put("width", 8);
        Checkpoint.save(checkpoint, contents.tensors(), config);
        IOException error = assertThrows(IOException.class, () -> FaceSwapper.load(checkpoint, Device.CPU));
        assertTrue(error.getMessage().contains("does not match this model"), error.getMessage());
    }

    @Test
    void facesOfTheWrongSizeAreRefused() {
        var small = new FaceSwapTrainer.Data(DATA.a(), DATA.b(), null);
        var options128 = FaceSwapOptions.builder().model(new FaceSwapConfig(128, 4, 16, false)).steps(1).batchSize(2).learningRate(1e-3)
                .augmentation(Augmentation.NONE).previewEvery(1).checkpointEvery(1).seed(1).progress(false).device(Device.CPU).build();
        var error = assertThrows(IllegalArgumentException.class, () -> FaceSwapTrainer.train(small, options128, folder, false));
        assertTrue(error.getMessage().contains("--size 128"), error.getMessage());
    }

    @Test
    void folderFacesMustBeSquaresOfOneSize(@TempDir Path faces) throws IOException {
        IOException empty = assertThrows(IOException.class, () -> FaceSet.fromFolder(faces, 64));
        assertTrue(empty.getMessage().contains("holds no .png"), empty.getMessage());
        Images.writePng(dev.masquerade.engine.Tensor.rand(new Rng(1), 3, 40, 40), faces.resolve("one.png"));
        Images.writePng(dev.masquerade.engine.Tensor.rand(new Rng(2), 3, 50, 50), faces.resolve("two.png"));
        IOException mixed = assertThrows(IOException.class, () -> FaceSet.fromFolder(faces, 64));
        assertTrue(mixed.getMessage().contains("one size") && mixed.getMessage().contains("50x50"), mixed.getMessage());
        Files.delete(faces.resolve("two.png"));
        assertEquals(64, FaceSet.fromFolder(faces, 64).pixels());
        assertFalse(FaceSet.fromFolder(faces, 64).hasMasks());
    }

    @Test
    void warpToLandmarksTrainsOnFacesWithLandmarksAndNamesWhatIsMissingWithout() throws IOException {
        Rng rng = new Rng(9);
        FaceSet a = withLandmarks(DATA.a(), rng), b = withLandmarks(DATA.b(), rng);
        FaceSwapOptions options = options(2, false).toBuilder().augmentation(new Augmentation(true, 0.02, 10, 0.05, 0.05, true,
                dev.masquerade.autoencoder.augment.ColourMatch.Method.NONE, true)).build();
        Map<String, Object> metrics = FaceSwapTrainer.train(new FaceSwapTrainer.Data(a, b, DATA.heldOut()), options, folder, false).metrics();
        assertEquals(2, metrics.get("steps"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> FaceSwapTrainer.train(DATA, options,
                folder.resolve("again"), false));
        assertTrue(missing.getMessage().startsWith("--warp-to-landmarks needs the landmarks of both people's faces"), missing.getMessage());
    }

    /** The faces with made-up landmarks: three points jittered around fixed places. */
    private static FaceSet withLandmarks(FaceSet faces, Rng rng) {
        double[][][] landmarks = new double[faces.size()][][];
        for (int i = 0; i < landmarks.length; i++) {
            landmarks[i] = new double[][] {{20 + rng.normal(), 24 + rng.normal()}, {44 + rng.normal(), 24 + rng.normal()}, {32 + rng.normal(), 46 + rng.normal()}};
        }
        return new FaceSet(faces.images(), faces.faceMasks(), faces.featureMasks(), landmarks);
    }

    @Test
    void anExtractedFolderBringsItsLandmarksScaledToTheModelsSize(@TempDir Path faces) throws IOException {
        Images.writePng(dev.masquerade.engine.Tensor.rand(new Rng(1), 3, 32, 32), faces.resolve("f_0.png"));
        FaceSet.writeLandmarks(faces, 32, Map.of("f_0.png", new double[][] {{8, 16}, {24, 16}}));
        assertArrayEquals(new double[] {16, 32}, FaceSet.fromFolder(faces, 64).landmarks()[0][0], 1e-12, "twice the crop's size, twice the coordinates");
        Images.writePng(dev.masquerade.engine.Tensor.rand(new Rng(2), 3, 32, 32), faces.resolve("g_0.png"));
        IOException missing = assertThrows(IOException.class, () -> FaceSet.fromFolder(faces, 64));
        assertTrue(missing.getMessage().startsWith("g_0.png has no landmarks in " + faces.resolve(FaceSet.LANDMARKS)), missing.getMessage());
    }

    @Test
    void anExtractedFolderBringsItsMasks(@TempDir Path faces) throws IOException {
        Images.writePng(dev.masquerade.engine.Tensor.rand(new Rng(1), 3, 32, 32), faces.resolve("f_0.png"));
        Images.writePng(dev.masquerade.engine.Tensor.ones(1, 32, 32), Files.createDirectories(faces.resolve("masks")).resolve("f_0.png"));
        Images.writePng(dev.masquerade.engine.Tensor.zeros(1, 32, 32), Files.createDirectories(faces.resolve("features")).resolve("f_0.png"));
        FaceSet set = FaceSet.fromFolder(faces, 64);
        assertTrue(set.hasMasks());
        assertEquals(1.0, set.faceMasks().mean().item(), 1e-6);
        assertEquals(0.0, set.featureMasks().mean().item(), 1e-6);
        Images.writePng(dev.masquerade.engine.Tensor.rand(new Rng(2), 3, 32, 32), faces.resolve("g_0.png"));
        IOException missing = assertThrows(IOException.class, () -> FaceSet.fromFolder(faces, 64));
        assertTrue(missing.getMessage().startsWith("g_0.png has no mask in " + faces.resolve("masks")), missing.getMessage());
    }
}
