package dev.masquerade.voice.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading runs for the bottleneck comparison: what a run records, and what counts as a leak. */
class BottleneckSweepTest {
    @TempDir
    Path work;

    private Path run(String name, String metrics) throws IOException {
        Path folder = Files.createDirectories(work.resolve(name));
        Files.writeString(folder.resolve("metrics.json"), metrics);
        return folder;
    }

    @Test
    void aRunNearerTheSourceThanTheTargetLeaks() throws IOException {
        BottleneckSweep.Run wide = BottleneckSweep.Run.read(run("wide", """
                {"code": 128, "decoders": "shared", "mcd_db": 6.9, "source_mcd_db": 3.1, "baseline_mcd_db": 8.8, "content_match": 1.0, "as_target": 1.0}"""));
        assertEquals(128, wide.code());
        assertEquals("shared", wide.decoders());
        assertTrue(wide.leaks());
        BottleneckSweep.Run narrow = BottleneckSweep.Run.read(run("narrow", """
                {"code": 2, "mcd_db": 4.8, "source_mcd_db": 7.0, "baseline_mcd_db": 8.8, "content_match": 0.6}"""));
        assertEquals("per-speaker", narrow.decoders(), "runs from before the choice had one decoder per speaker");
        assertTrue(Double.isNaN(narrow.asTarget()), "no judge, no judgement");
        assertFalse(narrow.leaks());
        assertEquals(0.6, narrow.contentMatch());
    }

    @Test
    void aRunWithoutTheMeasuresIsOneLine() throws IOException {
        Path own = run("own", """
                {"code": 8, "steps": 100}""");
        IOException e = assertThrows(IOException.class, () -> BottleneckSweep.Run.read(own));
        assertEquals(own.resolve("metrics.json") + " has no code, mcd_db or source_mcd_db: compare runs on two flite voices, trained by this"
                + " version", e.getMessage());
    }
}
