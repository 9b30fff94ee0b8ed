package dev.masquerade.detection;

import dev.masquerade.detection.cnn.CnnDetector;
import dev.masquerade.detection.evaluation.DetectionCharts;
import dev.masquerade.detection.evaluation.Roc;
import dev.masquerade.detection.sources.PictureSource;
import dev.masquerade.detection.sources.Split;
import dev.masquerade.detection.spectrum.SpectrumDetector;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.io.AtomicFiles;
import dev.masquerade.nn.train.TrainingLog;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masquerade.engine.array.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Trains a detector on real and fake pictures and judges it on pictures of both that it never
 * saw. The folder gets the detector ({@code detector.json}), {@code metrics.json} (auc,
 * accuracy, held_out_real, held_out_fake, method, seconds, …), {@code roc.png}, the held-out
 * scores ({@code scores.csv}), the mean spectra of the training pictures ({@code spectra.png}),
 * and for the CNN its loss per step ({@code metrics.jsonl}, {@code loss.png}).
 */
public final class DetectionRun {
    /** The key of metrics.json that gives the training pictures' shape, such as "[1, 28, 28]", or "mixed". */
    public static final String PICTURE_SHAPE = "picture_shape";

    private DetectionRun() {
    }

    /**
     * The shape all training pictures of the detector in {@code folder} shared, from its
     * metrics.json; null when they differed, or the folder has no such record.
     */
    public static int[] trainedShape(Path folder) throws IOException {
        Path metrics = folder.resolve("metrics.json");
        if (!Files.exists(metrics)) {
            return null;
        }
        String shape = new ObjectMapper().readTree(metrics.toFile()).path(PICTURE_SHAPE).asText("");
        if (!shape.matches("\\[\\d+(, \\d+)*]")) {
            return null;
        }
        return Arrays.stream(shape.substring(1, shape.length() - 1).split(", ")).mapToInt(Integer::parseInt).toArray();
    }

    private static String commonShape(List<Tensor> real, List<Tensor> fake) {
        int[] first = real.get(0).shape();
        boolean same = Stream.concat(real.stream(), fake.stream()).allMatch(p -> Arrays.equals(p.shape(), first));
        return same ? Shape.str(first) : "mixed";
    }

    /** How many pictures of each kind to train on and to hold out, and each detector's settings. */
    public record Options(String method, int trainingCount, int heldOutCount, SpectrumDetector.Options spectrum, CnnDetector.Options cnn) {
    }

    /** A detector's judgement of held-out pictures: their probabilities of being fake, and the ROC curve. */
    public record Evaluation(double[] realScores, double[] fakeScores, Roc roc, double accuracy) {
    }

    /** Trains, evaluates and writes the folder; returns what metrics.json holds. */
    public static Map<String, Object> train(PictureSource real, PictureSource fake, Options options, Path out) throws IOException {
        long started = System.nanoTime();
        requireMethod(options.method());
        if (Files.exists(out.resolve(Detector.FILE))) {
            throw new IOException(out + " already holds a detector; pass another --out, or delete " + out.resolve(Detector.FILE) + " first");
        }
        // every picture is read before training starts: a source too small to hold any out fails now, not after the training
        Pictures pictures = new Pictures(nonEmpty(real, Split.TRAINING, options.trainingCount()),
                nonEmpty(fake, Split.TRAINING, options.trainingCount()), nonEmpty(real, Split.HELD_OUT, options.heldOutCount()),
                nonEmpty(fake, Split.HELD_OUT, options.heldOutCount()));
        try (TrainingLog log = new TrainingLog(out)) {
            Detector detector = switch (options.method()) {
                case SpectrumDetector.METHOD -> SpectrumDetector.train(pictures.realTraining(), pictures.fakeTraining(), options.spectrum());
                case CnnDetector.METHOD -> CnnDetector.train(pictures.realTraining(), pictures.fakeTraining(), options.cnn(), log);
                default -> throw new IllegalStateException("unknown method " + options.method());
            };
            detector.save(out);
            if (detector instanceof CnnDetector) {
                log.writeLossCurve("cnn detector" + (options.cnn().augmented() ? " (blur + JPEG augmentation)" : ""), "loss.png");
            }
            return evaluateAndWrite(detector, real, fake, pictures, options, log, started);
        }
    }

    /** The pictures of a run: training and held-out, real and fake. */
    private record Pictures(List<Tensor> realTraining, List<Tensor> fakeTraining, List<Tensor> realHeldOut, List<Tensor> fakeHeldOut) {
    }

    private static Map<String, Object> evaluateAndWrite(Detector detector, PictureSource real, PictureSource fake, Pictures pictures,
            Options options, TrainingLog log, long started) throws IOException {
        Path out = log.folder();
        int points = options.spectrum().points();
        Map<String, double[]> spectra = new LinkedHashMap<>();
        spectra.put("real: " + real.description(), meanCurve(SpectrumDetector.spectra(pictures.realTraining(), points)));
        spectra.put("fake: " + fake.description(), meanCurve(SpectrumDetector.spectra(pictures.fakeTraining(), points)));
        DetectionCharts.writeSpectra(spectra, "mean spectra of the training pictures", out.resolve("spectra.png"));

        Evaluation evaluation = evaluate(detector, pictures.realHeldOut(), pictures.fakeHeldOut());
        DetectionCharts.writeRoc(Map.of(detector.method(), evaluation.roc()), fake.description() + " against " + real.description(),
                out.resolve("roc.png"));
        writeScores(evaluation, out.resolve("scores.csv"));
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("method", detector.method());
        if (detector instanceof CnnDetector) {
            metrics.put("augmented", options.cnn().augmented());
        }
        metrics.put("real", real.description());
        metrics.put("fake", fake.description());
        metrics.put("training_real", pictures.realTraining().size());
        metrics.put("training_fake", pictures.fakeTraining().size());
        metrics.put(PICTURE_SHAPE, commonShape(pictures.realTraining(), pictures.fakeTraining()));
        metrics.put("held_out_real", evaluation.realScores().length);
        metrics.put("held_out_fake", evaluation.fakeScores().length);
        metrics.put("auc", evaluation.roc().auc());
        metrics.put("accuracy", evaluation.accuracy());
        if (detector instanceof SpectrumDetector spectral) { // which frequencies give the fakes away, lowest first
            metrics.put("spectrum_weights", spectral.weights());
        }
        metrics.put("seconds", (System.nanoTime() - started) / 1e9);
        log.writeSummary(metrics);
        return metrics;
    }

    /** Refuses a method name other than spectrum and cnn. */
    public static void requireMethod(String method) {
        if (!method.equals(SpectrumDetector.METHOD) && !method.equals(CnnDetector.METHOD)) {
            throw new IllegalArgumentException("--method must be spectrum or cnn, got " + method);
        }
    }

    /** Scores real and fake pictures; accuracy is at the threshold ½. */
    public static Evaluation evaluate(Detector detector, List<Tensor> real, List<Tensor> fake) {
        double[] realScores = detector.probabilities(real), fakeScores = detector.probabilities(fake);
        return new Evaluation(realScores, fakeScores, Roc.of(realScores, fakeScores), Roc.accuracy(realScores, fakeScores, 0.5));
    }

    /** Up to {@code count} pictures of a split of a source; one line naming the source when it has none. */
    static List<Tensor> nonEmpty(PictureSource source, Split split, int count) throws IOException {
        List<Tensor> pictures = source.pictures(split, count);
        if (pictures.isEmpty()) {
            throw new IOException(source.description() + " has no " + (split == Split.TRAINING ? "training" : "held-out")
                    + " pictures; a folder needs at least 5 pictures (the last fifth by name is held out)");
        }
        return pictures;
    }

    private static double[] meanCurve(Tensor curves) {
        return curves.mean(new int[] {0}, false).toDoubleArray();
    }

    private static void writeScores(Evaluation evaluation, Path csv) throws IOException {
        List<String> lines = new ArrayList<>(List.of("kind,index,probability_fake"));
        for (int i = 0; i < evaluation.realScores().length; i++) {
            lines.add(String.format(Locale.ROOT, "real,%d,%.6f", i, evaluation.realScores()[i]));
        }
        for (int i = 0; i < evaluation.fakeScores().length; i++) {
            lines.add(String.format(Locale.ROOT, "fake,%d,%.6f", i, evaluation.fakeScores()[i]));
        }
        AtomicFiles.write(csv, String.join("\n", lines) + "\n");
    }
}
