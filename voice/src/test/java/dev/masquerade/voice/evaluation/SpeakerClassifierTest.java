package dev.masquerade.voice.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.masquerade.engine.Rng;
import dev.masquerade.voice.signal.LogMelFeatures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The speaker classifier tells voices apart by what stays the same in them, whatever is said. */
class SpeakerClassifierTest {
    /** Utterances whose content varies but whose "voice" is a fixed tilt across the bands. */
    private static List<double[][]> voice(double tilt, int count, Rng rng) {
        List<double[][]> out = new ArrayList<>();
        for (int u = 0; u < count; u++) {
            double[][] frames = new double[70][LogMelFeatures.MELS];
            for (int f = 0; f < frames.length; f++) {
                for (int m = 0; m < LogMelFeatures.MELS; m++) {
                    frames[f][m] = Math.sin(0.15 * f * (1 + u % 3) + 0.2 * m) + tilt * m / LogMelFeatures.MELS + 0.3 * rng.normal();
                }
            }
            out.add(frames);
        }
        return out;
    }

    @Test
    void itNamesTheVoiceOfUtterancesItHasNotHeard() {
        Rng rng = new Rng(2);
        SpeakerClassifier classifier = SpeakerClassifier.train(List.of(voice(-1, 6, rng), voice(1, 6, rng)), 60, 3);
        assertEquals(1.0, classifier.fractionHeardAs(voice(-1, 5, rng), 0));
        assertEquals(1.0, classifier.fractionHeardAs(voice(1, 5, rng), 1));
    }
}
