package dev.masquerade.tutorials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Chapter 23's whole runs: the distances it quotes are the ones benchmarks/gan-parity.sh wrote, and Welch's t behaves. */
class SeedSpreadTest {
    private static final Path SCORES = Path.of("..", "benchmarks", "results", "gan-parity", "scores.tsv");

    @Test
    void everyQuotedDistanceIsTheMeasuredOne() throws IOException {
        Map<String, Double> measured = new HashMap<>(); // "ours paper 1 seed 2" → fd, from lines: side, init, seed, epoch, fd, coverage
        for (String line : Files.readAllLines(SCORES)) {
            String[] f = line.split("\t");
            measured.put(f[0] + " " + f[1] + " " + f[3] + " seed " + f[2], Double.parseDouble(f[4]));
        }
        for (SeedSpread.Runs runs : SeedSpread.MEASURED) {
            for (int seed = 1; seed <= runs.fd().length; seed++) {
                String key = runs.key() + " seed " + seed;
                assertTrue(measured.containsKey(key), SCORES + " has no " + key);
                assertEquals(measured.get(key), runs.fd()[seed - 1], 0, key);
            }
        }
    }

    @Test
    void welchsTIsTheDifferenceInStandardErrors() {
        double[] a = {1, 2, 3}, b = {4, 5, 6}; // means 2 and 5, both spreads 1: standard error √(1/3 + 1/3)
        assertEquals(-3 / Math.sqrt(2.0 / 3), SeedSpread.welchT(a, b), 1e-12);
        assertEquals(0, SeedSpread.welchT(a, a), 0);
        assertEquals(1, SeedSpread.standardDeviation(a), 1e-12);
        assertEquals(4, SeedSpread.welchDegreesOfFreedom(a, b), 1e-12); // equal spreads and sizes: n_a + n_b − 2
    }
}
