package dev.masquerade.detection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.masquerade.detection.evaluation.DetectionCharts;
import dev.masquerade.detection.evaluation.Roc;
import dev.masquerade.detection.sources.PictureSource;
import dev.masquerade.detection.sources.Split;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where a detector breaks: a trained detector judged on the held-out pictures of other
 * generators than its own, clean, JPEG-compressed and blurred (real and fake pictures alike, as
 * they would reach a detector on the web). Writes {@code metrics.json} (one row per generator and
 * condition: auc, accuracy, held_out_real, held_out_fake) and {@code roc.png} (the clean curves).
 */
public final class GeneralisationExperiment {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GeneralisationExperiment() {
    }

    /** A way pictures reach the detector: its name in the table, and what it does to a picture. */
    public record Condition(String name, UnaryOperator<Tensor> degrade) {
        /** The pictures as they are. */
        public static final Condition CLEAN = new Condition("clean", picture -> picture);

        /** Saved as a JPEG of {@code quality}. */
        public static Condition jpeg(int quality) {
            return new Condition("jpeg " + quality, picture -> Degradations.jpeg(picture, quality));
        }

        /** Blurred by a Gaussian of {@code sigma} pixels. */
        public static Condition blur(double sigma) {
            return new Condition(String.format(Locale.ROOT, "blur %.1f", sigma), picture -> Degradations.blur(picture, sigma));
        }
    }

    /** One row of the table. */
    public record Row(String fake, String condition, double auc, double accuracy, int heldOutReal, int heldOutFake) {
        /** The row as metrics.json writes it. */
        public Map<String, Object> asMap() {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("fake", fake);
            row.put("condition", condition);
            row.put("auc", auc);
            row.put("accuracy", accuracy);
            row.put("held_out_real", heldOutReal);
            row.put("held_out_fake", heldOutFake);
            return row;
        }
    }

    /** Judges {@code detector} on each fake source under each condition; returns the rows and writes the folder. */
    public static List<Row> run(Detector detector, PictureSource real, List<PictureSource> fakes, List<Condition> conditions, int count,
            Path out) throws IOException {
        long started = System.nanoTime();
        Sources.requireDistinctNames(fakes);
        List<Tensor> realPictures = DetectionRun.nonEmpty(real, Split.HELD_OUT, count);
        List<Row> rows = new ArrayList<>();
        Map<String, Roc> clean = new LinkedHashMap<>();
        for (PictureSource fake : fakes) {
            List<Tensor> fakePictures = DetectionRun.nonEmpty(fake, Split.HELD_OUT, count);
            for (Condition condition : conditions) {
                DetectionRun.Evaluation evaluation = DetectionRun.evaluate(detector, degraded(realPictures, condition),
                        degraded(fakePictures, condition));
                rows.add(new Row(fake.description(), condition.name(), evaluation.roc().auc(), evaluation.accuracy(), realPictures.size(),
                        fakePictures.size()));
                if (condition == Condition.CLEAN) {
                    clean.put(fake.description(), evaluation.roc());
                }
            }
        }
        Files.createDirectories(out);
        if (!clean.isEmpty()) {
            DetectionCharts.writeRoc(clean, detector.method() + " detector against " + real.description(), out.resolve("roc.png"));
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("method", detector.method());
        metrics.put("real", real.description());
        metrics.put("results", rows.stream().map(Row::asMap).toList());
        metrics.put("seconds", (System.nanoTime() - started) / 1e9);
        AtomicFiles.write(out.resolve("metrics.json"), JSON.writeValueAsBytes(metrics));
        return rows;
    }

    private static List<Tensor> degraded(List<Tensor> pictures, Condition condition) {
        return pictures.stream().map(condition.degrade()).toList();
    }
}
