package dev.masquerade.voice.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.detection.cnn.CnnDetector;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.voice.model.VoiceSwapConfig;
import dev.masquerade.voice.model.VoiceSwapModel;
import dev.masquerade.voice.signal.LogMelFeatures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The detectors on log-mel pictures: pictures drawn as the spectrograms are, and conversions of an untrained model caught. */
class ConversionDetectionTest {
    @Test
    void anUtteranceBecomesAGreyPictureWithItsLoudestBandWhiteAndLowFrequenciesAtTheBottom() {
        double[][] frames = new double[3][LogMelFeatures.MELS];
        for (double[] frame : frames) {
            java.util.Arrays.fill(frame, -20);
        }
        frames[1][0] = 5; // the lowest band of the middle frame, loudest
        frames[2][0] = 0; // half the range below it
        Tensor picture = ConversionDetection.pictures(List.<double[][]>of(frames)).get(0);
        assertArrayEquals(new int[] {1, LogMelFeatures.MELS, 3}, picture.shape());
        float[] v = picture.toFloatArray();
        int bottom = (LogMelFeatures.MELS - 1) * 3;
        assertEquals(1, v[bottom + 1]);
        assertEquals(128 / 255.0, v[bottom + 2], 1e-6, "5 log units below the loudest, 8 bits");
        assertEquals(0, v[1], "the top row is the highest band, quiet here");
    }

    @Test
    void anUntrainedModelsConversionsAreCaughtByBothDetectors(@TempDir Path work) throws Exception {
        Rng rng = new Rng(9);
        VoiceSwapModel model = new VoiceSwapModel(new VoiceSwapConfig(16, 2), rng);
        List<ConversionDetection.Result> results = ConversionDetection.run(model, VoiceSwapModel.Speaker.B, speech(8, rng), speech(6, rng),
                speech(8, rng), speech(6, rng), false, new CnnDetector.Options(100, 16, 1e-3, 28, false, 1, false), work);
        assertEquals(List.of("spectrum", "cnn"), results.stream().map(ConversionDetection.Result::method).toList());
        for (ConversionDetection.Result r : results) {
            assertEquals(6, r.real());
            assertTrue(r.auc() > 0.8, r.method() + ": AUC " + r.auc());
        }
    }

    /** Utterances of a vowel-like spectrum: a few loud low bands, falling off above. */
    private static List<double[][]> speech(int count, Rng rng) {
        List<double[][]> out = new ArrayList<>();
        for (int u = 0; u < count; u++) {
            double[][] frames = new double[96][LogMelFeatures.MELS];
            for (int f = 0; f < frames.length; f++) {
                for (int m = 0; m < LogMelFeatures.MELS; m++) {
                    frames[f][m] = -m / 6.0 + 2 * Math.sin(0.1 * f + u) * Math.exp(-m / 10.0) + 0.2 * rng.normal();
                }
            }
            out.add(frames);
        }
        return out;
    }
}
