package dev.masquerade.tutorials;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chapter 23's second half: whole DCGAN-28 runs, several seeds each, scored by one judge, and
 * how their spread over seeds tells a real difference from luck. The Fréchet distances are
 * those benchmarks/gan-parity.sh measured on 2026-12-04 (benchmarks/results/gan-parity/scores.tsv,
 * which {@code SeedSpreadTest} holds them to): 5,000 samples per run, seeds 1, 2 and 3.
 */
final class SeedSpread {
    /** The runs of one recipe: which side trained them (ours or torch), its initialisation, epochs, and fd per seed. */
    record Runs(String side, String init, int epoch, double[] fd) {
        String key() {
            return side + " " + init + " " + epoch;
        }
    }

    static final List<Runs> MEASURED = List.of(
            new Runs("ours", "paper", 1, new double[] {94.10, 93.12, 87.62}),
            new Runs("torch", "paper", 1, new double[] {95.99, 93.16, 94.84}),
            new Runs("ours", "default", 1, new double[] {129.05, 137.85, 131.54}),
            new Runs("ours", "paper", 5, new double[] {22.89, 25.37, 25.05}),
            new Runs("torch", "paper", 5, new double[] {24.67, 26.00, 23.76}));

    /** The comparisons the chapter makes: the first recipe against the second. */
    private static final String[][] COMPARED = {{"ours paper 1", "torch paper 1"}, {"ours default 1", "ours paper 1"}, {"ours paper 5", "torch paper 5"}};

    private SeedSpread() {
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The sample standard deviation (n − 1 below), the spread one more seed would be expected to show. */
    static double standardDeviation(double[] values) {
        double mean = mean(values), squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    // snippet: welch
    /** Welch's t: the difference of two means in units of its standard error, √(s_a²/n_a + s_b²/n_b). */
    static double welchT(double[] a, double[] b) {
        double sa = standardDeviation(a), sb = standardDeviation(b);
        double standardError = Math.sqrt(sa * sa / a.length + sb * sb / b.length);
        return (mean(a) - mean(b)) / standardError;
    }
    // end snippet

    /** Welch–Satterthwaite: the degrees of freedom of Student's t that Welch's t follows when the two spreads differ. */
    static double welchDegreesOfFreedom(double[] a, double[] b) {
        double va = Math.pow(standardDeviation(a), 2) / a.length, vb = Math.pow(standardDeviation(b), 2) / b.length;
        return (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
    }

    static Map<String, Double> numbers() {
        Map<String, Double> numbers = new LinkedHashMap<>();
        Map<String, double[]> byKey = new LinkedHashMap<>();
        for (Runs runs : MEASURED) {
            byKey.put(runs.key(), runs.fd());
            numbers.put(runs.key() + " mean", mean(runs.fd()));
            numbers.put(runs.key() + " sd", standardDeviation(runs.fd()));
        }
        for (String[] pair : COMPARED) {
            double[] a = byKey.get(pair[0]), b = byKey.get(pair[1]);
            numbers.put(pair[0] + " / " + pair[1], mean(a) / mean(b));
            numbers.put(pair[0] + " vs " + pair[1] + " t", welchT(a, b));
            numbers.put(pair[0] + " vs " + pair[1] + " df", welchDegreesOfFreedom(a, b));
        }
        return numbers;
    }
}
