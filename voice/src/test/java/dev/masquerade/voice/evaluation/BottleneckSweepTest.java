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
                {"a": "flite:awb", "b": "flite:slt", "steps": 2000, "width": 128, "code": 128, "decoders": "shared", "mcd_db": 6.9, "source_mcd_db": 3.1, "baseline_mcd_db": 8.8, "content_match": 1.0, "as_target": 1.0}"""));
        assertEquals(128, wide.code());
        assertEquals("shared", wide.decoders());
        assertTrue(wide.leaks());
        assertEquals("flite:awb → flite:slt, 2000 steps, width 128", wide.setting());
        BottleneckSweep.Run narrow = BottleneckSweep.Run.read(run("narrow", """
                {"a": "flite:awb", "b": "flite:slt", "steps": 200, "width": 128, "code": 2, "mcd_db": 4.8, "source_mcd_db": 7.0, "baseline_mcd_db": 8.8, "content_match": 0.6}"""));
        assertEquals("per-speaker", narrow.decoders(), "runs from before the choice had one decoder per speaker");
        assertTrue(Double.isNaN(narrow.asTarget()), "no judge, no judgement");
        assertFalse(narrow.leaks());
        assertEquals(0.6, narrow.contentMatch());
    }

    @Test
    void aRunWithoutTheMeasuresOrAFileIsOneLine() throws IOException {
        Path own = run("own", """
                {"code": 8, "steps": 100}""");
        IOException e = assertThrows(IOException.class, () -> BottleneckSweep.Run.read(own));
        assertEquals(own.resolve("metrics.json") + " has no mcd_db or source_mcd_db: its run had no held-out sentences both speakers said"
                + " (two flite voices, or held-out/ folders), or was trained by an older version", e.getMessage());
        Path file = own.resolve("metrics.json");
        e = assertThrows(IOException.class, () -> BottleneckSweep.Run.read(file));
        assertEquals(file + " is a file: pass the folders of finished 'masquerade voice train' runs", e.getMessage());
        Path gan = run("gan", """
                {"model": "dcgan28", "epochs": 1}""");
        e = assertThrows(IOException.class, () -> BottleneckSweep.Run.read(gan));
        assertTrue(e.getMessage().endsWith("is not a voice swap run's: pass the folders of finished 'masquerade voice train' runs"), e.getMessage());
    }
}
