package dev.masquerade.voice.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.testing.ExternalData;
import dev.masquerade.voice.audio.Wav;
import dev.masquerade.voice.audio.Waveform;
import dev.masquerade.voice.evaluation.ConversionMeasures;
import dev.masquerade.voice.evaluation.SpeakerJudge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus scripts/fetch-voices.sh builds: four flite voices saying the same sentences. Its
 * measures' baseline: two different speakers saying the same held-out sentences are far apart in
 * MCD, yet DTW still finds which sentence is which (skipped without the corpus, required in CI).
 */
class VoiceCorpusTest {
    private static VoiceCorpus corpus() throws IOException {
        ExternalData.require(Files.isRegularFile(VoiceCorpus.DEFAULT.resolve("sentences.tsv")),
                "no voice corpus in " + VoiceCorpus.DEFAULT + ": run scripts/fetch-voices.sh");
        return VoiceCorpus.open(VoiceCorpus.DEFAULT);
    }

    @Test
    void everyVoiceSaysEverySentenceAtSixteenKilohertz() throws IOException {
        VoiceCorpus corpus = corpus();
        assertEquals(100, corpus.sentences(false).size());
        assertEquals(20, corpus.sentences(true).size());
        for (String voice : VoiceCorpus.VOICES) {
            Waveform sound = Wav.read(corpus.wav(voice, corpus.sentences(true).get(0)));
            assertEquals(Waveform.SPEECH_RATE, sound.sampleRate());
            assertEquals(List.of(), sound.conversions(), voice + " needs no conversion");
            assertTrue(sound.seconds() > 0.5 && sound.rms() > 0.01, voice + ": " + sound.seconds() + " s at rms " + sound.rms());
        }
    }

    @Test
    void anotherSpeakersRenderingIsFarInMcdButStillTheSameSentence() throws IOException {
        VoiceCorpus corpus = corpus();
        Speech awb = Speech.fromCorpus(corpus, "awb"), slt = Speech.fromCorpus(corpus, "slt");
        ConversionMeasures unconverted = ConversionMeasures.of(awb.heldOut(), awb.heldOut(), slt.heldOut());
        assertEquals(unconverted.mcdDb(), unconverted.baselineMcdDb(), 1e-12);
        assertTrue(unconverted.baselineMcdDb() > 6 && unconverted.baselineMcdDb() < 12, "awb against slt: " + unconverted.baselineMcdDb() + " dB");
        assertEquals(1.0, unconverted.contentMatch(), "DTW pairs each sentence with itself");
        assertEquals(0, unconverted.sourceMcdDb(), 1e-12, "an unconverted source is its own source");
        ConversionMeasures swapped = ConversionMeasures.of(slt.heldOut(), awb.heldOut(), slt.heldOut());
        assertEquals(unconverted.baselineMcdDb(), swapped.sourceMcdDb(), 1e-9, "the target itself is as far from the source as the baseline");
        ConversionMeasures itself = ConversionMeasures.of(slt.heldOut(), slt.heldOut(), slt.heldOut());
        assertEquals(0, itself.mcdDb(), 1e-12);
    }

    @Test
    void theSpeakerJudgeNamesEveryVoiceOfTheHeldOutSentences() throws IOException {
        SpeakerJudge judge = SpeakerJudge.ofCorpus(corpus(), 1);
        assertTrue(judge.accuracy() >= 0.95, "right on " + judge.accuracy() + " of the real held-out sentences");
        Speech slt = Speech.fromCorpus(corpus(), "slt");
        assertEquals(0.0, judge.heardAs(slt.heldOut(), "awb"), 0.1);
    }

    @Test
    void aMissingCorpusOrVoiceIsOneLine(@TempDir Path empty) throws IOException {
        IOException e = assertThrows(IOException.class, () -> VoiceCorpus.open(empty));
        assertEquals("no voice corpus at " + empty + " (its sentences.tsv is missing); build it with scripts/fetch-voices.sh", e.getMessage());
        VoiceCorpus corpus = corpus();
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> corpus.wav("kal", corpus.sentences(true).get(0)));
        assertEquals("flite:kal is not a voice of the corpus; use one of awb, rms, slt, kal16", unknown.getMessage());
    }
}
