package dev.masquerade.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The voice swap's measured figures, as README and chapter 32 quote them, against the runs' own
 * metrics.json kept in benchmarks/results/voice: the default run (default.json), the long run
 * (long.json) and the bottleneck sweep (sweep-DECODERS-CODE.json, one per cell of Step 4's table).
 */
class MeasuredRunsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path RESULTS = ROOT.resolve("benchmarks/results/voice");

    private static JsonNode run(String name) throws IOException {
        return new ObjectMapper().readTree(RESULTS.resolve(name + ".json").toFile());
    }

    private static String dB(JsonNode m, String key) {
        return String.format(Locale.ROOT, "%.2f", m.get(key).asDouble());
    }

    @Test
    void readmeQuotesTheDefaultAndTheLongRun() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String section = readme.substring(readme.indexOf("## The voice swap"));
        JsonNode standard = run("default");
        assertEquals(2, standard.get("code").asInt(), "the default run is at the default code");
        assertTrue(section.contains(String.format(Locale.ROOT, "held-out sentences of A said as B: MCD %s dB against B's own (A unconverted: %s dB),"
                + " %s dB against A's own; %.0f%% still closest", dB(standard, "mcd_db"), dB(standard, "baseline_mcd_db"),
                dB(standard, "source_mcd_db"), 100 * standard.get("content_match").asDouble())), "README quotes the default run's line");
        assertTrue(section.contains(String.format(Locale.ROOT, "hears %.0f%% of the conversions as flite:slt and %.0f%% as flite:awb",
                100 * standard.get("as_target").asDouble(), 100 * standard.get("as_source").asDouble())));
        assertTrue(section.contains(Math.round(standard.get("seconds").asDouble()) + " s on two"), "the default run's time");
        JsonNode longer = run("long");
        for (String printed : List.of(String.format(Locale.ROOT, "%,d steps", longer.get("steps").asInt()),
                Math.round(longer.get("seconds").asDouble()) + " s for the", "MCD " + dB(longer, "mcd_db") + " dB against slt",
                dB(longer, "source_mcd_db") + " dB against awb",
                String.format(Locale.ROOT, "still %.0f%% of sentences kept and %.0f%% heard as slt", 100 * longer.get("content_match").asDouble(),
                        100 * longer.get("as_target").asDouble()))) {
            assertTrue(section.contains(printed), "README's long run should quote " + printed);
        }
    }

    @Test
    void chapter32sBottleneckTableQuotesEverySweepRun() throws IOException {
        List<String> table = Files.readString(ROOT.resolve("tutorials/32-speech.md")).lines().dropWhile(l -> !l.startsWith("| code channels |"))
                .takeWhile(l -> l.startsWith("|")).toList();
        List<String> codes = cells(table.get(0));
        List<Path> runs;
        try (Stream<Path> files = Files.list(RESULTS)) {
            runs = files.filter(f -> f.getFileName().toString().startsWith("sweep-")).sorted().toList();
        }
        assertEquals(2 * (codes.size() - 1), runs.size(), "one run per decoder design and code width");
        for (Path file : runs) {
            JsonNode m = new ObjectMapper().readTree(file.toFile());
            String design = m.get("decoders").asText().equals("shared") ? "one shared decoder" : "one decoder per speaker";
            int column = codes.indexOf(String.valueOf(m.get("code").asInt()));
            assertTrue(column > 0, file + ": no column for its code");
            assertEquals(2000, m.get("steps").asInt(), file + ": the table's runs are of 2,000 steps");
            assertEquals(dB(m, "mcd_db"), cell(table, design + ": MCD against B (dB)", column), file.toString());
            assertEquals(dB(m, "source_mcd_db"), cell(table, design + ": MCD against A (dB)", column), file.toString());
            String content = String.format(Locale.ROOT, "%.0f%%", 100 * m.get("content_match").asDouble());
            assertTrue(cell(table, "still closest to their own sentence", column).contains(content), file + ": content " + content);
            assertEquals(1.0, m.get("as_target").asDouble(), file + ": Step 4 says the classifier hears B in every one of these runs");
        }
    }

    /** A table row's cells, without the emphasis marks. */
    private static List<String> cells(String row) {
        return Arrays.stream(row.split("\\|")).map(c -> c.replace("*", "").strip()).filter(c -> !c.isEmpty()).toList();
    }

    private static String cell(List<String> table, String label, int column) {
        return table.stream().map(MeasuredRunsTest::cells).filter(c -> c.get(0).equals(label)).findFirst().orElseThrow().get(column);
    }
}
