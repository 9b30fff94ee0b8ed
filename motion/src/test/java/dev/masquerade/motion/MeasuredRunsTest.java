package dev.masquerade.motion;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README's motion table quotes the runs' own metrics.json, kept in benchmarks/results/motion: a
 * run's file (NAME.json) has a row "| NAME |" with its steps, figures, baselines and time.
 */
class MeasuredRunsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void readmeQuotesEachRunsFigures() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String section = readme.substring(readme.indexOf("## Animating a still face"));
        List<Path> runs;
        try (Stream<Path> files = Files.list(ROOT.resolve("benchmarks/results/motion"))) {
            runs = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(!runs.isEmpty(), "measured motion runs in benchmarks/results/motion");
        for (Path run : runs) {
            JsonNode m = new ObjectMapper().readTree(run.toFile());
            String name = run.getFileName().toString().replace(".json", "");
            String row = section.lines().filter(l -> l.startsWith("| " + name + " |")).findFirst().orElse(null);
            assertTrue(row != null, "README's motion table has no row for " + name);
            for (String printed : List.of(String.format(Locale.ROOT, "%,d", m.get("steps").asLong()),
                    String.format(Locale.ROOT, "L1 %.4f, SSIM %.3f", m.get("recon_l1").asDouble(), m.get("recon_ssim").asDouble()),
                    String.format(Locale.ROOT, "L1 %.4f, SSIM %.3f", m.get("baseline_l1").asDouble(), m.get("baseline_ssim").asDouble()),
                    String.format(Locale.ROOT, "%.2f px", m.get("keypoint_error_px").asDouble()),
                    String.format(Locale.ROOT, "%.2f px", m.get("baseline_keypoint_error_px").asDouble()),
                    String.format(Locale.ROOT, "%,d s", Math.round(m.get("seconds").asDouble())))) {
                assertTrue(row.contains(printed), name + ": README's row should quote " + printed + ": " + row);
            }
        }
    }
}
