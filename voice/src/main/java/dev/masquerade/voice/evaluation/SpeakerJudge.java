package dev.masquerade.voice.evaluation;

import dev.masquerade.voice.data.Speech;
import dev.masquerade.voice.data.VoiceCorpus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A speaker classifier trained on the training sentences of every voice of the corpus, and how
 * often it names the right voice for their held-out sentences: the judge of whose voice a
 * conversion speaks in.
 *
 * @param classifier its network
 * @param voices     the voices, in the classifier's class order
 * @param accuracy   the fraction of real held-out renderings (every voice's) it names correctly
 */
public record SpeakerJudge(SpeakerClassifier classifier, List<String> voices, double accuracy) {
    /** Adam steps the classifier trains for: about 3 s on two cores, and enough for every real held-out rendering. */
    static final int STEPS = 300;

    /** Trains a judge on the corpus's voices. */
    public static SpeakerJudge ofCorpus(VoiceCorpus corpus, long seed) throws IOException {
        List<Speech> speakers = new ArrayList<>();
        for (String voice : VoiceCorpus.VOICES) {
            speakers.add(Speech.fromCorpus(corpus, voice));
        }
        SpeakerClassifier classifier = SpeakerClassifier.train(speakers.stream().map(Speech::training).toList(), STEPS, seed);
        double right = 0;
        int total = 0;
        for (int s = 0; s < speakers.size(); s++) {
            right += classifier.fractionHeardAs(speakers.get(s).heldOut(), s) * speakers.get(s).heldOut().size();
            total += speakers.get(s).heldOut().size();
        }
        return new SpeakerJudge(classifier, VoiceCorpus.VOICES, right / total);
    }

    /** The fraction of utterances the judge hears as {@code voice}. */
    public double heardAs(List<double[][]> utterances, String voice) {
        int index = voices.indexOf(voice);
        if (index < 0) {
            throw new IllegalArgumentException(voice + " is not a voice this judge knows (" + String.join(", ", voices) + ")");
        }
        return classifier.fractionHeardAs(utterances, index);
    }
}
