package dev.masquerade.workflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** alignments.json: written and read back whole; a file that is not one, or is missing, is one line that says what to do. */
class AlignmentsTest {
    @TempDir
    Path dir;

    @Test
    void whatIsWrittenReadsBackTheSame() throws IOException {
        Alignments.FaceEntry face = FaceTracksTest.face(100, 3, 4, 0, FaceTracksTest.descriptor(5));
        Alignments written = new Alignments(new Alignments.Source("clip.avi", true, 720, 528, "2997/125", 2), new Alignments.Crop(128, 0.75),
                List.of(FaceTracksTest.frame(0, face), FaceTracksTest.frame(1)));
        written.write(dir.resolve(Alignments.FILE));
        assertTrue(Files.readString(dir.resolve(Alignments.FILE)).contains("\"frame_rate\" : \"2997/125\""), "the file's names are snake_case");
        Alignments read = Alignments.read(dir.resolve(Alignments.FILE));
        assertEquals(written.source(), read.source());
        assertEquals(written.crop(), read.crop());
        assertEquals(1, read.faceCount());
        Alignments.FaceEntry back = read.frames().get(0).faces().get(0);
        assertArrayEquals(face.transform(), back.transform());
        assertArrayEquals(face.descriptor(), back.descriptor());
        assertArrayEquals(face.landmarks()[30], back.landmarks()[30]);
        assertArrayEquals(face.cropLandmarks()[8], back.cropLandmarks()[8], 1e-12);
    }

    @Test
    void facesWhoseCropsWereDeletedAreLeftOut() throws IOException {
        Alignments.FaceEntry kept = new Alignments.FaceEntry("kept.png", new double[4], 1, new double[0][], new double[] {1, 0, 0, 0}, new float[0]);
        Alignments.FaceEntry deleted = new Alignments.FaceEntry("deleted.png", new double[4], 1, new double[0][], new double[] {1, 0, 0, 0}, new float[0]);
        Alignments both = new Alignments(new Alignments.Source("clip.avi", true, 8, 8, "25", 2), new Alignments.Crop(64, 0.75),
                List.of(FaceTracksTest.frame(0, kept), FaceTracksTest.frame(1, deleted)));
        Files.writeString(dir.resolve("kept.png"), "a crop");
        Alignments left = both.withCropsIn(dir);
        assertEquals(1, left.faceCount());
        assertEquals(2, left.frames().size(), "every frame stays, some without a face");
        assertEquals("kept.png", left.frames().get(0).faces().get(0).crop());
    }

    @Test
    void aFileThatIsNotOneSaysSoInOneLine() throws IOException {
        Path broken = Files.writeString(dir.resolve("alignments.json"), "{\"source\": ");
        IOException error = assertThrows(IOException.class, () -> Alignments.read(broken));
        assertTrue(error.getMessage().startsWith(broken + " is not an alignments file of masquerade faceswap extract ("), error.getMessage());
        assertTrue(error.getMessage().endsWith("); extract again"));
        assertEquals(1, error.getMessage().lines().count());
        Path other = Files.writeString(dir.resolve("faces.json"), "{\"images\": []}");
        assertTrue(assertThrows(IOException.class, () -> Alignments.read(other)).getMessage().startsWith(other + " is not an alignments file"));
        assertEquals(dir.resolve("none.json") + ": no such alignments file (masquerade faceswap extract writes one into its --out)",
                assertThrows(IOException.class, () -> Alignments.read(dir.resolve("none.json"))).getMessage());
    }
}
