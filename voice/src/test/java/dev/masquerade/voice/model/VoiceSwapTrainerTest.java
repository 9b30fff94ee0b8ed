package dev.masquerade.voice.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.train.TrainingLog;
import dev.masquerade.voice.data.Speech;
import dev.masquerade.voice.signal.LogMelFeatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The voice swap's model and its training run, on made-up "speech" (no corpus needed): shapes, a falling loss, resuming. */
class VoiceSwapTrainerTest {
    @TempDir
    Path work;

    /** Utterances of drifting band patterns; the speaker's "voice" is a tilt across the bands. */
    private static List<double[][]> speaker(double tilt, int count, Rng rng) {
        List<double[][]> out = new ArrayList<>();
        for (int u = 0; u < count; u++) {
            double[][] frames = new double[80][LogMelFeatures.MELS];
            for (int f = 0; f < frames.length; f++) {
                for (int m = 0; m < LogMelFeatures.MELS; m++) {
                    frames[f][m] = Math.sin(0.2 * f + 0.3 * m + u) + tilt * m / LogMelFeatures.MELS + 0.1 * rng.normal();
                }
            }
            out.add(frames);
        }
        return out;
    }

    @Test
    void theCodeHalvesTheFrameRateAndTheDecodersRestoreIt() {
        VoiceSwapModel model = new VoiceSwapModel(new VoiceSwapConfig(16, 4), new Rng(1));
        Tensor frames = Tensor.randn(new Rng(2), 2, LogMelFeatures.MELS, 10);
        assertArrayEquals(new int[] {2, 4, 5}, model.encode(frames).shape());
        assertArrayEquals(new int[] {2, LogMelFeatures.MELS, 10}, model.convert(VoiceSwapModel.Speaker.B, frames).shape());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.encode(Tensor.zeros(1, LogMelFeatures.MELS, 7)));
        assertTrue(e.getMessage().contains("with T even, got [1, 64, 7]"), e.getMessage());
    }

    @Test
    @Tag("task-13.4")
    void theSpeakerChannelsAreTheSpeakersOneHotAtEveryStep() {
        Tensor asA = VoiceSwapModel.speakerChannels(VoiceSwapModel.Speaker.A, 3, 5);
        Tensor asB = VoiceSwapModel.speakerChannels(VoiceSwapModel.Speaker.B, 3, 5);
        assertArrayEquals(new int[] {3, 2, 5}, asA.shape());
        assertArrayEquals(new int[] {3, 2, 5}, asB.shape());
        float[] a = asA.contiguous().toFloatArray(), b = asB.contiguous().toFloatArray();
        for (int i = 0; i < a.length; i++) {
            boolean first = (i / 5) % 2 == 0; // [n, 2, t]: channel = (i / t) mod 2
            assertEquals(first ? 1f : 0f, a[i], "A's channel is on, B's off, at " + i);
            assertEquals(first ? 0f : 1f, b[i], "B's channel is on, A's off, at " + i);
        }
    }

    @Test
    @Tag("task-13.4")
    void aSharedDecoderIsOneDecoderToldWhichSpeakerToBe() {
        VoiceSwapModel perSpeaker = new VoiceSwapModel(new VoiceSwapConfig(16, 4), new Rng(1));
        VoiceSwapModel shared = new VoiceSwapModel(new VoiceSwapConfig(16, 4, VoiceSwapConfig.Decoders.SHARED), new Rng(1));
        Tensor code = Tensor.randn(new Rng(2), 2, 4, 5);
        // a decoder of width 16 from a code of 4: (4·16·5 + 16) + 2·(16·16·5 + 16) + (16·64·5 + 64) = 8112 parameters;
        // the shared one has the same, plus weights for its 2 speaker channels (16·2·5 = 160)
        assertEquals(8112 - 160, perSpeaker.parameterCount() - shared.parameterCount(), "one decoder, not two");
        Tensor asA = shared.decode(VoiceSwapModel.Speaker.A, code), asB = shared.decode(VoiceSwapModel.Speaker.B, code);
        assertArrayEquals(new int[] {2, LogMelFeatures.MELS, 10}, asB.shape());
        assertTrue(asA.sub(asB).abs().max().item() > 1e-4, "the speaker channels change what the decoder says");
    }

    @Test
    void aCheckpointConfigKeepsTheDecodersAndAnOlderOneHasOnePerSpeaker() {
        VoiceSwapConfig shared = new VoiceSwapConfig(16, 4, VoiceSwapConfig.Decoders.SHARED);
        assertEquals(shared, VoiceSwapConfig.fromMap(shared.toMap(), "c.json"));
        Map<String, Object> older = new java.util.LinkedHashMap<>(shared.toMap());
        older.remove("decoders");
        assertEquals(VoiceSwapConfig.Decoders.PER_SPEAKER, VoiceSwapConfig.fromMap(older, "c.json").decoders());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VoiceSwapConfig.Decoders.of("both"));
        assertEquals("decoders must be per-speaker or shared, got both", e.getMessage());
    }

    @Test
    void normalisingAndBackIsTheIdentity() {
        VoiceSwapModel model = new VoiceSwapModel(new VoiceSwapConfig(8, 2), new Rng(1));
        double[][] stats = Frames.bandStatistics(List.of(speaker(2, 3, new Rng(3))));
        model.setNormalisation(stats[0], stats[1]);
        Tensor x = Tensor.randn(new Rng(4), 1, LogMelFeatures.MELS, 6);
        assertArrayEquals(x.toFloatArray(), model.denormalise(model.normalise(x)).toFloatArray(), 1e-5f);
    }

    @Test
    void aShortRunLowersTheLossWritesItsFolderAndResumes() throws Exception {
        Rng rng = new Rng(5);
        Speech a = new Speech("a", speaker(-1, 6, rng), speaker(-1, 3, rng));
        Speech b = new Speech("b", speaker(+1, 6, rng), speaker(+1, 3, rng));
        VoiceSwapTrainer.Options options = new VoiceSwapTrainer.Options(new VoiceSwapConfig(32, 4), 60, 8, 32, 2e-3, 1, false, 30);
        Map<String, Object> metrics = VoiceSwapTrainer.train(a, b, options, work, false, null);
        for (String file : new String[] {"checkpoint.json", "metrics.json", "metrics.jsonl", "loss.png", "preview.png", "spectrograms.png",
                "samples/heldout_00_a_source.wav", "samples/heldout_02_a_as_b.wav", "samples/heldout_02_b_target.wav"}) {
            assertTrue(Files.exists(work.resolve(file)), file);
        }
        for (String key : new String[] {"mcd_db", "baseline_mcd_db", "source_mcd_db", "content_match", "steps", "seconds"}) {
            assertTrue(metrics.containsKey(key), key + " in " + metrics.keySet());
        }
        List<Double> losses = TrainingLog.read(work.resolve("metrics.jsonl")).stream().filter(n -> n.has("loss"))
                .map(n -> n.get("loss").asDouble()).toList();
        assertEquals(60, losses.size());
        assertTrue(losses.subList(50, 60).stream().mapToDouble(d -> d).average().orElseThrow()
                < 0.8 * losses.subList(0, 10).stream().mapToDouble(d -> d).average().orElseThrow(), "the loss falls: " + losses);
        VoiceSwapTrainer.Options longer = new VoiceSwapTrainer.Options(options.config(), 80, 8, 32, 2e-3, 1, false, 30);
        assertEquals(80, VoiceSwapTrainer.train(a, b, longer, work, true, null).get("steps"));
    }
}
