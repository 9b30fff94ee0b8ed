package dev.masquerade.autoencoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.testing.GradCheck;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coursework assignment 5, the face swap: one identity's decoder (task 5.3) and the swap through
 * the shared encoder (task 5.4). The decoder is graded by what a swap needs of it, faces of the
 * input's size in [0, 1]; the swap by its definition and by a trained model whose swaps beat the
 * mean-face baseline. {@code mvn test -Dgroups=task-5.4} runs one task.
 */
class FaceSwapTasksTest {
    private static final Tensor FACES = FaceSwapTrainer.Data.synthetic(4, 1, 64, 1).a().images();

    @TempDir
    Path folder;

    private static double difference(Tensor a, Tensor b) {
        return GradCheck.relativeError(a.toDoubleArray(), b.toDoubleArray());
    }

    @Tag("task-5.3")
    @Test
    void aDecoderPaintsFacesOfTheInputsSizeWithAMaskWhenAsked() {
        for (boolean masks : new boolean[] {false, true}) {
            FaceSwapModel model = new FaceSwapModel(new FaceSwapConfig(64, 4, 16, masks), new Rng(1));
            FaceSwapModel.Decoded decoded = model.decode(FaceSwapModel.Side.B, model.encode(FACES));
            assertArrayEquals(new int[] {4, 3, 64, 64}, decoded.face().shape());
            assertTrue(decoded.face().min().item() > 0 && decoded.face().max().item() < 1, "a sigmoid keeps pixels in (0, 1)");
            if (masks) {
                assertArrayEquals(new int[] {4, 1, 64, 64}, decoded.mask().shape());
            }
        }
    }

    /**
     * 300 steps of the demo's training on 200 synthetic faces a person: the reference reaches a
     * swap SSIM of 0.717 against the mean face's 0.630 (34 s on two cores).
     */
    @Tag("task-5.4")
    @Test
    void aShortTrainingRunSwapsBetterThanTheMeanFace() throws IOException {
        var data = FaceSwapTrainer.Data.synthetic(200, 32, 64, 1);
        Map<String, Object> metrics = FaceSwapTrainer.train(data, FaceSwapDemo.options(300, 1, false, Device.CPU), folder, false).metrics();
        double swap = ((Number) metrics.get("swap_ssim")).doubleValue(), baseline = ((Number) metrics.get("baseline_ssim")).doubleValue();
        assertTrue(swap > baseline + 0.03, "the swap's SSIM " + swap + " should beat the mean face's " + baseline + " by 0.03");
    }

    @Tag("task-5.4")
    @Test
    void aSwapIsTheOtherSidesDecoderOnTheSharedCode() {
        FaceSwapModel model = new FaceSwapModel(new FaceSwapConfig(64, 4, 16, false), new Rng(1));
        Tensor code = model.encode(FACES);
        assertTrue(difference(model.decode(FaceSwapModel.Side.B, code).face(), model.swap(FaceSwapModel.Side.B, FACES)) < 1e-6);
        assertTrue(difference(model.decode(FaceSwapModel.Side.A, code).face(), model.swap(FaceSwapModel.Side.A, FACES)) < 1e-6);
        assertTrue(difference(model.swap(FaceSwapModel.Side.A, FACES), model.swap(FaceSwapModel.Side.B, FACES)) > 1e-3,
                "the two decoders paint different faces");
    }

    @Tag("task-5.4")
    @Test
    void withMasksTheSwappedFaceIsBlendedIntoTheInput() {
        FaceSwapModel model = new FaceSwapModel(new FaceSwapConfig(64, 4, 16, true), new Rng(1));
        FaceSwapModel.Decoded decoded = model.decode(FaceSwapModel.Side.B, model.encode(FACES));
        assertTrue(difference(FaceSwapModel.blend(decoded, FACES), model.swap(FaceSwapModel.Side.B, FACES)) < 1e-6);
    }
}
