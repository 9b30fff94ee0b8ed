package dev.masquerade.tutorials;

import dev.masquerade.detection.evaluation.DetectionCharts;
import dev.masquerade.detection.evaluation.Roc;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chapter 29, evaluating a detector: a ROC curve and its area on seven scores, and on an
 * unbalanced set (990 real, 10 fake) a detector that calls everything real against one that
 * catches most fakes: the first has the better accuracy, the second the better AUC.
 */
public final class RocChapter extends Chapter {
    static final double[] TOY_REAL = {0.1, 0.35, 0.4, 0.8};
    static final double[] TOY_FAKE = {0.4, 0.7, 0.9};

    public RocChapter() {
        super(29, "Evaluating a detector: ROC, AUC and accuracy", "29-roc.md");
    }

    /** A detector's scores of real pictures and of fakes. */
    record Scored(double[] real, double[] fake) {
        static Scored of(double[] real, double[] fake) {
            return new Scored(real, fake);
        }

        Roc roc() {
            return Roc.of(real, fake);
        }

        double accuracy() {
            return Roc.accuracy(real, fake, 0.5);
        }
    }

    /** n copies of a score. */
    static double[] times(int n, double score) {
        double[] scores = new double[n];
        java.util.Arrays.fill(scores, score);
        return scores;
    }

    static double[] join(double[] a, double[] b) {
        double[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    /** 990 real pictures and 10 fakes, all scored 0.1: the detector that says "real" to everything. */
    static Scored lazy() {
        return Scored.of(times(990, 0.1), times(10, 0.1));
    }

    /** The same pictures, scored by a detector that catches 8 fakes of 10 and calls 50 real pictures fake. */
    static Scored useful() {
        return Scored.of(join(times(940, 0.2), times(50, 0.7)), join(times(8, 0.8), times(2, 0.1)));
    }

    /** Pairs (fake, real) in which the fake scores higher, ties counting half. */
    static double pairsWon(double[] real, double[] fake) {
        double won = 0;
        for (double f : fake) {
            for (double r : real) {
                won += f > r ? 1 : f == r ? 0.5 : 0;
            }
        }
        return won;
    }

    @Override
    public Map<String, Double> numbers() {
        Map<String, Double> numbers = new LinkedHashMap<>();
        Scored toy = Scored.of(TOY_REAL, TOY_FAKE);
        numbers.put("toy pairs won", pairsWon(TOY_REAL, TOY_FAKE));
        numbers.put("toy auc", toy.roc().auc());
        numbers.put("toy accuracy", toy.accuracy());
        numbers.put("lazy accuracy", lazy().accuracy());
        numbers.put("lazy auc", lazy().roc().auc());
        numbers.put("useful accuracy", useful().accuracy());
        numbers.put("useful auc", useful().roc().auc());
        numbers.put("useful recall", 8 / 10.0);
        numbers.put("useful false positive rate", 50 / 990.0);
        numbers.put("useful precision", 8 / 58.0);
        return numbers;
    }

    @Override
    public List<Path> writeFigures(Path folder) throws IOException {
        Path png = folder.resolve("29-roc.png");
        Map<String, Roc> curves = new LinkedHashMap<>();
        curves.put("seven scores", Scored.of(TOY_REAL, TOY_FAKE).roc());
        curves.put("the useful detector", useful().roc());
        curves.put("the lazy detector", lazy().roc());
        DetectionCharts.writeRoc(curves, "ROC curves of chapter 29", png);
        return List.of(png);
    }
}
