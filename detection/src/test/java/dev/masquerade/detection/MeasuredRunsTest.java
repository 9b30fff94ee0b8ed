package dev.masquerade.detection;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README's detection tables quote the runs' own metrics.json, kept in
 * benchmarks/results/detection: a trained detector's file (NAME.json) has a row "| NAME |" with
 * its AUC, accuracy and time; a generalisation file (evaluate-NAME.json) a row
 * "| NAME, CONDITION |" per condition in the generalisation table with the AUC of each fake, in order;
 * spectrum-variants.json a row "| FEATURE |" per feature with its size and AUC; a voice swap's
 * detection.json (voice.json, and voice-vocoded.json from --vocoded-real) the rows
 * "| spectrum-voice |" and "| cnn-voice |" (with "-vocoded" for the second).
 */
class MeasuredRunsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path RESULTS = ROOT.resolve("benchmarks/results/detection");
    /** benchmarks/spectrum-variants.py's results: the logistic regression on other features than the averaged spectrum. */
    private static final String VARIANTS = "spectrum-variants.json";
    /** 'masquerade voice detect' results: both detectors in one file. */
    private static final String VOICE = "voice";

    private static List<Path> results(String prefix, boolean evaluations) throws IOException {
        try (Stream<Path> files = Files.list(RESULTS)) {
            return files.filter(f -> f.toString().endsWith(".json") && f.getFileName().toString().startsWith(prefix)
                    && !f.getFileName().toString().equals("spectra.json") // the fingerprints' figures: README's text quotes them
                    && !f.getFileName().toString().equals(VARIANTS) && !f.getFileName().toString().startsWith(VOICE)
                    && f.getFileName().toString().startsWith("evaluate-") == evaluations).sorted().toList();
        }
    }

    private static String row(String readme, String name, String table) {
        String section = readme.substring(readme.indexOf(table));
        return section.lines().filter(l -> l.startsWith("| " + name + " |")).findFirst().orElse(null);
    }

    /** Whether a row quotes a detector's AUC, accuracy, time and held-out counts, as its results give them under {@code prefix}. */
    private static void assertQuotes(String row, String name, JsonNode m, String prefix) {
        assertTrue(row != null, "README's measured detectors have no row for " + name);
        for (String printed : List.of(String.format(Locale.ROOT, "%.3f", m.get(prefix + "auc").asDouble()),
                String.format(Locale.ROOT, "%.3f", m.get(prefix + "accuracy").asDouble()),
                String.format(Locale.ROOT, "%,d s", Math.round(m.get(prefix + "seconds").asDouble())),
                m.get("held_out_real").asInt() + " + " + m.get("held_out_fake").asInt())) {
            assertTrue(row.contains(printed), name + ": README's row should quote " + printed + ": " + row);
        }
    }

    @Test
    void readmeQuotesEachDetectorsFigures() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<Path> runs = results("", false);
        assertTrue(runs.size() >= 4, "trained detectors in " + RESULTS);
        for (Path run : runs) {
            JsonNode m = new ObjectMapper().readTree(run.toFile());
            String name = run.getFileName().toString().replace(".json", "");
            assertQuotes(row(readme, name, "### Measured detectors"), name, m, "");
        }
    }

    @Test
    void readmeQuotesTheVoiceSwapsDetectors() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        for (String run : List.of("", "-vocoded")) {
            JsonNode m = new ObjectMapper().readTree(RESULTS.resolve(VOICE + run + ".json").toFile());
            for (String detector : List.of("spectrum", "cnn")) {
                String name = detector + "-voice" + run;
                assertQuotes(row(readme, name, "### Measured detectors"), name, m, detector + "_");
            }
        }
    }

    @Test
    void readmeQuotesEachGeneralisationAuc() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<Path> evaluations = results("evaluate-", true);
        assertTrue(!evaluations.isEmpty(), "generalisation results in " + RESULTS);
        for (Path evaluation : evaluations) {
            JsonNode m = new ObjectMapper().readTree(evaluation.toFile());
            String name = evaluation.getFileName().toString().replace("evaluate-", "").replace(".json", "");
            Map<String, Integer> from = new HashMap<>(); // per row (detector, condition): where the next fake's AUC must come after
            for (JsonNode result : m.get("results")) {
                String key = name + ", " + result.get("condition").asText();
                String row = row(readme, key, "### Where detectors break");
                assertTrue(row != null, "README's generalisation table has no row for " + key);
                String printed = String.format(Locale.ROOT, "%.3f", result.get("auc").asDouble());
                int at = row.indexOf(printed, from.getOrDefault(key, 0));
                assertTrue(at >= 0, key + ": README's row should quote " + result.get("fake").asText() + " as " + printed + ": " + row);
                from.put(key, at + printed.length());
            }
        }
    }

    @Test
    void readmeQuotesEachSpectrumVariant() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        JsonNode m = new ObjectMapper().readTree(RESULTS.resolve(VARIANTS).toFile());
        assertTrue(m.get("results").size() == 3, "radial, 2-d and pixels in " + VARIANTS);
        double engine = new ObjectMapper().readTree(RESULTS.resolve("spectrum-dcgan28.json").toFile()).get("auc").asDouble();
        double numpy = m.get("results").get(0).get("auc").asDouble();
        assertTrue(Math.abs(engine - numpy) < 0.02, "numpy's radial feature is the engine's: AUC " + numpy + " against " + engine);
        for (JsonNode result : m.get("results")) {
            String name = result.get("feature").asText();
            String row = row(readme, name, "| feature |");
            assertTrue(row != null, "README's spectrum variants have no row for " + name);
            for (String printed : List.of(" " + result.get("features").asInt() + " ",
                    String.format(Locale.ROOT, "%.3f", result.get("auc").asDouble()))) {
                assertTrue(row.contains(printed), name + ": README's row should quote " + printed + ": " + row);
            }
        }
    }
}
