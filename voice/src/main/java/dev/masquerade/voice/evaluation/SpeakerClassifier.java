package dev.masquerade.voice.evaluation;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.Module;
import dev.masquerade.nn.Sequential;
import dev.masquerade.nn.layers.Activation;
import dev.masquerade.nn.layers.Conv1d;
import dev.masquerade.nn.layers.Linear;
import dev.masquerade.nn.loss.Losses;
import dev.masquerade.nn.optim.Adam;
import dev.masquerade.voice.model.Frames;
import dev.masquerade.voice.signal.LogMelFeatures;
import java.util.List;

/**
 * Who is speaking: a small convolutional network over log-mel frames, its evidence averaged
 * over time, trained on the training sentences of several voices. It judges a conversion by the
 * voice it hears: a voice swap that works puts A's sentences said as B in B's class, not A's.
 * Words and timing differ between utterances, so to tell speakers apart the network must rely
 * on what stays the same: the spectral envelope, the pitch's harmonics, the speaking style.
 */
public final class SpeakerClassifier extends Module {
    private final Sequential features;
    private final Linear classes;
    private final double[][] statistics;

    private SpeakerClassifier(int speakers, double[][] statistics, Rng rng) {
        int mels = LogMelFeatures.MELS;
        this.features = child("features", new Sequential(
                new Conv1d(mels, 64, 5, 1, 2, rng), Activation.leakyRelu(0.2),
                new Conv1d(64, 64, 5, 2, 2, rng), Activation.leakyRelu(0.2),
                new Conv1d(64, 64, 5, 2, 2, rng), Activation.leakyRelu(0.2)));
        this.classes = child("classes", new Linear(64, speakers, rng));
        this.statistics = statistics;
    }

    /** Trains on crops of each speaker's utterances (speaker i's list is class i): {@code steps} Adam steps of 32 crops. */
    public static SpeakerClassifier train(List<List<double[][]>> speakers, int steps, long seed) {
        Rng rng = new Rng(seed);
        SpeakerClassifier classifier = new SpeakerClassifier(speakers.size(), Frames.bandStatistics(speakers), rng.split());
        Adam adam = new Adam(classifier.parameters(), 1e-3, 0.9, 0.999);
        int perSpeaker = Math.max(1, 32 / speakers.size());
        for (int step = 0; step < steps; step++) {
            try (var scope = dev.masquerade.engine.Memory.scope()) {
                adam.zeroGrad();
                double[] labels = new double[perSpeaker * speakers.size()];
                Tensor[] batches = new Tensor[speakers.size()];
                for (int s = 0; s < speakers.size(); s++) {
                    batches[s] = Frames.crops(speakers.get(s), perSpeaker, 64, rng);
                    java.util.Arrays.fill(labels, s * perSpeaker, (s + 1) * perSpeaker, s);
                }
                Tensor logits = classifier.logits(Tensor.concat(List.of(batches), 0));
                Losses.crossEntropy(logits, Tensor.of(labels, DType.I32, Device.CPU, labels.length)).backward();
                adam.step();
            }
        }
        return classifier;
    }

    /** Class scores [N, speakers] of log-mel frames [N, MELS, T]: the evidence of every moment, averaged. */
    Tensor logits(Tensor logMel) {
        Tensor mean = Tensor.of(statistics[0], 1, statistics[0].length, 1), std = Tensor.of(statistics[1], 1, statistics[1].length, 1);
        return classes.forward(features.forward(logMel.sub(mean).div(std)).mean(new int[] {2}, false));
    }

    /** The speaker (an index into the training lists) the classifier hears in an utterance. */
    public int speakerOf(double[][] utterance) {
        try (var scope = NoGrad.enter(); var evaluating = evaluating()) {
            return (int) logits(Frames.of(utterance)).argmax(1, false).item();
        }
    }

    /** The fraction of utterances heard as {@code speaker}. */
    public double fractionHeardAs(List<double[][]> utterances, int speaker) {
        return (double) utterances.stream().filter(u -> speakerOf(u) == speaker).count() / utterances.size();
    }
}
