package dev.masquerade.voice.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.voice.audio.Wav;
import dev.masquerade.voice.audio.Waveform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's folder of recordings: training files, held-out ones under held-out/, and when two speakers' held-out sentences are the same. */
class SpeechTest {
    @TempDir
    Path work;

    /** Half a second of a tone, as a stand-in for a recording. */
    private static void record(Path file, double hertz) throws IOException {
        double[] samples = new double[8000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 0.3 * Math.sin(2 * Math.PI * hertz * i / 16000);
        }
        Files.createDirectories(file.getParent());
        Wav.write(new Waveform(samples, 16000), file);
    }

    private Path speaker(String name, String... heldOut) throws IOException {
        Path folder = work.resolve(name);
        record(folder.resolve("take1.wav"), 200);
        record(folder.resolve("take2.wav"), 300);
        for (String file : heldOut) {
            record(folder.resolve(Speech.HELD_OUT).resolve(file), 250);
        }
        return folder;
    }

    @Test
    void aFolderTrainsOnItsFilesAndHoldsOutThoseOfHeldOut() throws IOException {
        Speech me = Speech.fromFolder(speaker("me", "line2.wav", "line1.wav"));
        assertEquals(2, me.training().size());
        assertEquals(List.of("line1.wav", "line2.wav"), me.heldOutNames(), "in the order of their names");
        assertEquals(2, me.heldOut().size());
        Speech alone = Speech.fromFolder(speaker("alone"));
        assertEquals(List.of(), alone.heldOut());
    }

    @Test
    void twoSpeakersAreParallelWhenTheyHeldOutTheSameSentences() throws IOException {
        Speech me = Speech.fromFolder(speaker("me", "line1.wav", "line2.wav"));
        Speech friend = Speech.fromFolder(speaker("friend", "line1.wav", "line2.wav"));
        Speech stranger = Speech.fromFolder(speaker("stranger", "line1.wav", "line3.wav"));
        Speech alone = Speech.fromFolder(speaker("alone"));
        assertTrue(me.parallelTo(friend));
        assertFalse(me.parallelTo(alone), "no held-out sentences, nothing to measure against");
        assertFalse(alone.parallelTo(alone));
        Speech.requireParallelOrApart(me, friend);
        Speech.requireParallelOrApart(me, alone);
        IOException e = assertThrows(IOException.class, () -> Speech.requireParallelOrApart(me, stranger));
        assertEquals(me.name() + " has held-out line2.wav and " + stranger.name() + " does not; held-out recordings measure conversions only"
                + " when both speakers said the same sentences, under the same file names", e.getMessage());
    }
}
