package dev.masquerade.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingLogTest {
    @TempDir
    Path folder;

    @Test
    void resumingFromACheckpointKeepsTheLogUpToItsStepAndDropsALineCutShort() throws IOException {
        try (TrainingLog log = new TrainingLog(folder)) {
            for (long step = 1; step <= 8; step++) {
                log.step(1, step, 1.0 / step);
            }
        }
        // a kill in the middle of writing step 9
        Files.writeString(folder.resolve("metrics.jsonl"), "{\"epoch\":1,\"step\":9,\"lo", java.nio.file.StandardOpenOption.APPEND);
        TrainingLog.keepUpTo(folder, 5);
        List<String> lines = Files.readAllLines(folder.resolve("metrics.jsonl"));
        assertEquals(5, lines.size(), lines.toString());
        assertTrue(lines.get(4).contains("\"step\":5"), lines.get(4));
        try (TrainingLog resumed = new TrainingLog(folder, true)) {
            resumed.step(1, 6, 0.1);
        }
        assertEquals(6, Files.readAllLines(folder.resolve("metrics.jsonl")).size(), "step 6 is logged once, after step 5");
    }

    @Test
    void readingSkipsTheLastLineAKillCutShortButNamesAnyOtherBrokenLine() throws IOException {
        Path file = folder.resolve("metrics.jsonl");
        Files.writeString(file, "{\"step\":1,\"loss\":0.5}\n{\"step\":2,\"loss\":0.4}\n{\"step\":3,\"lo");
        assertEquals(2, TrainingLog.read(file).size());
        Files.writeString(file, "{\"step\":1,\"loss\":0.5}\n{\"step\":2,\"lo\n{\"step\":3,\"loss\":0.3}\n");
        IOException broken = assertThrows(IOException.class, () -> TrainingLog.read(file));
        assertTrue(broken.getMessage().contains("metrics.jsonl line 2 is not a JSON record"), broken.getMessage());
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xFF, (byte) 0xFE}); // a picture written over the log
        IOException binary = assertThrows(IOException.class, () -> TrainingLog.read(file));
        assertTrue(binary.getMessage().contains("metrics.jsonl is not a text log"), binary.getMessage());
    }

    @Test
    void aNewRunReplacesAnEarlierRunsCheckpointAndSummaryNotJustItsLog() throws IOException {
        dev.masquerade.nn.io.Checkpoint.save(folder.resolve("checkpoint.json"), java.util.Map.of("w", dev.masquerade.engine.Tensor.zeros(2)),
                java.util.Map.of("model", "gan"));
        Files.writeString(folder.resolve("metrics.json"), "{\"fd\": 30}");
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(3, files.count(), "manifest, data file and summary");
        }
        new TrainingLog(folder).close();
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of("metrics.jsonl"), files.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(".")).toList());
        }
    }

    @Test
    void aSecondRunInTheSameFolderIsRefusedUntilTheFirstEnds() throws IOException {
        try (TrainingLog first = new TrainingLog(folder)) {
            first.step(1, 1, 0.5);
            IOException second = assertThrows(IOException.class, () -> new TrainingLog(folder, true));
            assertTrue(second.getMessage().contains("another run is training in"), second.getMessage());
        }
        try (TrainingLog later = new TrainingLog(folder, true)) {
            later.step(1, 2, 0.25);
        }
        assertEquals(2, Files.readAllLines(folder.resolve("metrics.jsonl")).size(), "the refused run wrote nothing");
    }
}
