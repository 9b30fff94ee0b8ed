package dev.masquerade.detection.cnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.detection.Degradations;
import dev.masquerade.detection.DetectionRun;
import dev.masquerade.detection.Detectors;
import dev.masquerade.detection.TestPictures;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.train.TrainingLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CNN detector learns a checkerboard from examples, and loses it to a blur it never saw. */
class CnnDetectorTest {
    @TempDir
    Path work;

    private static List<Tensor> pictures(int count, boolean checkered, long seed) {
        Rng rng = new Rng(seed);
        List<Tensor> pictures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Tensor picture = TestPictures.smoothNoise(rng, 20);
            pictures.add(checkered ? picture.add(TestPictures.checkerboard(20).mul(0.03)) : picture);
        }
        return pictures;
    }

    private static List<Tensor> blurred(List<Tensor> pictures) {
        return pictures.stream().map(p -> Degradations.blur(p, 1.5)).toList();
    }

    @Test
    void learnsACheckerboardThenLosesItUnderABlur() throws IOException {
        CnnDetector detector;
        CnnDetector.Options options = new CnnDetector.Options(150, 32, 3e-3, 16, false, 1, false);
        try (TrainingLog log = new TrainingLog(work)) {
            detector = CnnDetector.train(pictures(60, false, 1), pictures(60, true, 2), options, log);
        }
        List<Tensor> real = pictures(30, false, 3), fake = pictures(30, true, 4);
        double clean = DetectionRun.evaluate(detector, real, fake).roc().auc();
        double afterBlur = DetectionRun.evaluate(detector, blurred(real), blurred(fake)).roc().auc();
        assertTrue(clean > 0.95, "held-out AUC " + clean);
        assertTrue(afterBlur < 0.75, "held-out AUC after a blur of 1.5 pixels " + afterBlur);

        detector.save(work);
        assertArrayEquals(detector.probabilities(fake), Detectors.load(work).probabilities(fake), 1e-6);
        Tensor colour = Tensor.concat(List.of(fake.get(0), fake.get(0), fake.get(0)), 0);
        assertEquals(detector.probabilities(List.of(fake.get(0)))[0], detector.probabilities(List.of(colour))[0], 1e-5,
                "a grey detector reads a colour picture as grey");
    }

    @Test
    void augmentationBlursOrCompressesSomePicturesAndLeavesOthers() {
        Tensor picture = TestPictures.smoothNoise(new Rng(1), 20);
        Rng rng = new Rng(2);
        int changed = 0;
        for (int i = 0; i < 40; i++) {
            Tensor augmented = CnnDetector.augmented(picture, rng);
            assertArrayEquals(picture.shape(), augmented.shape());
            changed += augmented.sub(picture).abs().max().item() > 0 ? 1 : 0;
        }
        // blurred with probability ½, compressed with probability ½: untouched a quarter of the time
        assertNotEquals(0, changed);
        assertTrue(changed > 20 && changed < 40, changed + " of 40 changed");
    }
}
