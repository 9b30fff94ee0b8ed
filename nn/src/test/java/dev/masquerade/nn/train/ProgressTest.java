package dev.masquerade.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void withoutATerminalProgressIsAPlainLineEveryTenthOfTheWay() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Progress progress = new Progress("epoch 1", 250, true, false, new PrintStream(log, true, StandardCharsets.UTF_8))) {
            for (int step = 0; step < 250; step++) {
                progress.step(0.5);
            }
        }
        String written = log.toString(StandardCharsets.UTF_8);
        assertFalse(written.contains("\r"), "no carriage returns in a log file");
        String[] lines = written.strip().split("\n");
        assertEquals(10, lines.length, written);
        assertTrue(lines[0].startsWith("epoch 1: 10% (25/250), loss 0.5000, "), lines[0]);
        assertTrue(lines[9].startsWith("epoch 1: 100% (250/250)"), lines[9]);
    }

    @Test
    void disabledProgressWritesNothing() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Progress progress = new Progress("epoch 1", 10, false, false, new PrintStream(log, true, StandardCharsets.UTF_8))) {
            progress.step(1);
        }
        assertEquals(0, log.size());
    }
}
