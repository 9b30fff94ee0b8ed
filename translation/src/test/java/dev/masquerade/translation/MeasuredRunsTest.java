package dev.masquerade.translation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README's table of measured translation runs quotes the runs' own metrics.json, kept in
 * benchmarks/results/translation/TASK-MODEL[-VARIANT].json: each row's figures, as printed,
 * are those of its file.
 */
class MeasuredRunsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path RESULTS = ROOT.resolve("benchmarks/results/translation");

    @Test
    void readmeQuotesEachRunsFigures() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<Path> runs;
        try (Stream<Path> files = Files.list(RESULTS)) {
            runs = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(runs.size() >= 3, "measured runs in " + RESULTS);
        for (Path run : runs) {
            JsonNode m = new ObjectMapper().readTree(run.toFile());
            String task = m.get("task").asText(), model = m.get("model").asText();
            String row = readme.lines().filter(l -> l.startsWith("| " + task + ", " + model + (m.get("upsampling").asText().equals("resize")
                    ? ", resize" : "") + " |")).findFirst().orElse(null);
            assertTrue(row != null, "README has a row for " + run.getFileName());
            for (String figure : List.of("fd", "psnr", "ssim", "translated_as_target", "cycle_ssim", "baseline_psnr")) {
                if (m.has(figure)) {
                    double value = m.get(figure).asDouble();
                    String printed = switch (figure) {
                        case "fd" -> String.format("fd %.1f", value);
                        case "psnr", "baseline_psnr" -> String.format("%.2f dB", value);
                        case "translated_as_target" -> String.format("%.1f%%", 100 * value);
                        default -> String.format("%.3f", value);
                    };
                    assertTrue(row.contains(printed), run.getFileName() + ": README's row should quote " + figure + " as '" + printed + "': " + row);
                }
            }
            assertTrue(row.contains(String.format("%,d s", Math.round(m.get("seconds").asDouble()))), run.getFileName() + ": time in " + row);
        }
    }
}
