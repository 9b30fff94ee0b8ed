package dev.masquerade.voice.evaluation;

import dev.masquerade.detection.Detector;
import dev.masquerade.detection.cnn.CnnDetector;
import dev.masquerade.detection.evaluation.Roc;
import dev.masquerade.detection.spectrum.SpectrumDetector;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.train.TrainingLog;
import dev.masquerade.voice.model.VoiceSwapModel;
import dev.masquerade.voice.model.VoiceSwapTrainer;
import dev.masquerade.voice.signal.LogMelFeatures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Can the detectors of the detection chapters tell converted speech from the real voice? Both
 * kinds of utterance become log-mel pictures [1, MELS, T] (each scaled from its loudest band down
 * 10 log units to [0, 1] and rounded to 8 bits, as {@link Spectrograms} draws them): the target speaker's own renderings,
 * and conversions of the source speaker's sentences as they would be heard, through the vocoder
 * and analysed again. The spectrum detector and the CNN detector train on the training
 * sentences' pictures and are judged on the held-out sentences'.
 */
public final class ConversionDetection {
    /** Levels shown: 10 natural-log units of power below the utterance's loudest band are black. */
    private static final double RANGE = 10;

    private ConversionDetection() {
    }

    /**
     * One detector's result on the held-out pictures.
     *
     * @param method   spectrum or cnn
     * @param auc      area under the ROC curve of converted against real
     * @param accuracy at a probability threshold of 0.5
     * @param real     held-out real renderings judged
     * @param fake     held-out conversions judged
     * @param seconds  to train and judge
     */
    public record Result(String method, double auc, double accuracy, int real, int fake, double seconds) {
    }

    /**
     * Trains and judges both detectors: real = {@code target}'s renderings, fake = {@code source}'s
     * sentences converted to the target speaker; the CNN detector with {@code cnn}'s settings.
     * With {@code vocodedReal} the real renderings go through the same vocoder as the conversions
     * (a control: what is left to catch is the conversion, not the vocoder).
     */
    public static List<Result> run(VoiceSwapModel model, VoiceSwapModel.Speaker to, List<double[][]> sourceTraining, List<double[][]> sourceHeldOut,
                                   List<double[][]> targetTraining, List<double[][]> targetHeldOut, boolean vocodedReal, CnnDetector.Options cnn,
                                   Path logFolder) throws IOException {
        List<Tensor> realTraining = pictures(vocodedReal ? heard(targetTraining) : targetTraining);
        List<Tensor> realHeldOut = pictures(vocodedReal ? heard(targetHeldOut) : targetHeldOut);
        List<Tensor> fakeTraining = pictures(heard(VoiceSwapTrainer.convert(model, sourceTraining, to)));
        List<Tensor> fakeHeldOut = pictures(heard(VoiceSwapTrainer.convert(model, sourceHeldOut, to)));
        List<Result> results = new ArrayList<>();
        long start = System.nanoTime();
        Detector spectrum = SpectrumDetector.train(realTraining, fakeTraining, SpectrumDetector.Options.DEFAULT);
        results.add(judge(spectrum, realHeldOut, fakeHeldOut, start));
        start = System.nanoTime();
        Detector detector;
        try (TrainingLog log = new TrainingLog(logFolder)) {
            detector = CnnDetector.train(realTraining, fakeTraining, cnn, log);
        }
        results.add(judge(detector, realHeldOut, fakeHeldOut, start));
        return results;
    }

    private static Result judge(Detector detector, List<Tensor> real, List<Tensor> fake, long start) {
        double[] realScores = detector.probabilities(real), fakeScores = detector.probabilities(fake);
        return new Result(detector.method(), Roc.of(realScores, fakeScores).auc(), Roc.accuracy(realScores, fakeScores, 0.5), real.size(),
                fake.size(), (System.nanoTime() - start) / 1e9);
    }

    /** Frames as a listener gets them: through the vocoder, then analysed again. */
    private static List<double[][]> heard(List<double[][]> converted) {
        List<double[][]> out = new ArrayList<>();
        for (int i = 0; i < converted.size(); i++) {
            out.add(LogMelFeatures.of(LogMelFeatures.toSound(converted.get(i), VoiceSwapTrainer.VOCODER_ROUNDS, i)));
        }
        return out;
    }

    /** Each utterance as a grey picture [1, MELS, T] in [0, 1], its loudest band white. */
    static List<Tensor> pictures(List<double[][]> utterances) {
        List<Tensor> out = new ArrayList<>();
        for (double[][] frames : utterances) {
            double loudest = Spectrograms.loudest(frames);
            int t = frames.length, mels = frames[0].length;
            double[] values = new double[mels * t];
            for (int f = 0; f < t; f++) {
                for (int m = 0; m < mels; m++) {
                    double level = Math.max(0, Math.min(1, (frames[f][m] - loudest + RANGE) / RANGE));
                    values[(mels - 1 - m) * t + f] = Math.round(level * 255) / 255.0; // 8 bits, as every picture source of the detectors

                }
            }
            out.add(Tensor.of(values, 1, mels, t));
        }
        return out;
    }
}
