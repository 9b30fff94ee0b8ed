package dev.masquerade.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masquerade.engine.testing.ExternalData;
import dev.masquerade.faces.FaceAnalyzer;
import dev.masquerade.faces.FaceApiModels;
import dev.masquerade.faces.RgbImage;
import dev.masquerade.nn.io.Images;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extract and sort on the two real photos of scripts/fetch-photos.sh (an astronaut, and Grace
 * Hopper), with face-api's weights: one aligned face each with its masks and alignments; a
 * still video of one photo does not jitter; --identity keeps one person; sort puts the blurred
 * copy last and the two people in two folders.
 */
class ExtractAndSortTest {
    private static FaceAnalyzer analyzer;
    private static Path astronaut;
    private static Path hopper;

    @TempDir
    Path dir;

    @BeforeAll
    static void models() throws IOException {
        Path models = FaceApiModels.defaultFolder();
        ExternalData.require(Files.isDirectory(models), "face-api's weights are not in " + models + "; fetch them with scripts/fetch-face-models.sh");
        Path photos = FaceApiModels.cacheFolder().resolve("photos");
        astronaut = photos.resolve("astronaut.png");
        hopper = photos.resolve("grace_hopper_512x512.jpg");
        ExternalData.require(Files.isRegularFile(astronaut) && Files.isRegularFile(hopper), "the photos are not in " + photos
                + "; fetch them with scripts/fetch-photos.sh");
        analyzer = FaceAnalyzer.load(models);
    }

    @Test
    void eachPhotoGivesOneAlignedFaceWithItsMasksAndAlignments() throws IOException {
        Path photos = folder("photos", astronaut, hopper);
        Map<String, Object> summary = extractor(null).extract(photos, dir.resolve("faces"), quiet());
        assertEquals(2, summary.get("frames"));
        assertEquals(2, summary.get("frames_with_face"));
        assertEquals(2, summary.get("faces"));
        assertNull(summary.get("jitter_px"), "photos of a folder are not frames of one face: no jitter (null in extract.json)");
        Alignments alignments = Alignments.read(dir.resolve("faces/alignments.json"));
        dev.masquerade.autoencoder.FaceSet set = dev.masquerade.autoencoder.FaceSet.fromFolder(dir.resolve("faces"), 64);
        assertTrue(set.hasMasks() && set.hasLandmarks(), "training takes the folder with its masks and landmarks");
        assertEquals(alignments.frames().get(0).faces().get(0).cropLandmarks()[30][0] / 2, set.landmarks()[0][30][0], 1e-6,
                "landmarks.json holds the crop's landmarks, here halved to 64 pixels");
        assertEquals(new Alignments.Source("photos", false, 0, 0, null, 2), alignments.source());
        for (Alignments.FrameFaces frame : alignments.frames()) {
            String crop = frame.faces().get(0).crop();
            assertEquals(frame.name().replaceFirst("\\.[^.]+$", "") + "_0.png", crop);
            for (Path file : List.of(dir.resolve("faces").resolve(crop), dir.resolve("faces/masks").resolve(crop), dir.resolve("faces/features").resolve(crop))) {
                assertEquals(128, Images.dimensions(file).width, file + " is a 128-pixel square");
            }
            double[][] inCrop = frame.faces().get(0).cropLandmarks();
            double eyes = (inCrop[36][1] + inCrop[39][1] + inCrop[42][1] + inCrop[45][1]) / 4;
            assertEquals(0.5 + (51.6 / 112 - 0.5) * 0.75, eyes / 128, 0.03, "the eyes sit on the template's line");
        }
    }

    @Test
    void aStillVideoOfOnePhotoIsOneTrackThatBarelyJitters() throws IOException {
        Videos.requireFfmpeg();
        Path video = Videos.write(dir.resolve("still.mp4"), java.util.Collections.nCopies(4, RgbImage.read(hopper)));
        Map<String, Object> summary = extractor(null).extract(video, dir.resolve("faces"), quiet());
        assertEquals(4, summary.get("faces"));
        assertEquals(1, summary.get("tracks"));
        assertTrue((Double) summary.get("jitter_px") < 0.5, "only the codec's noise moves the landmarks, got " + summary.get("jitter_px"));
    }

    @Test
    void identityKeepsOnlyTheReferencePerson() throws IOException {
        float[] reference = Extractor.referenceDescriptor(analyzer, hopper, 0.5);
        Map<String, Object> summary = extractor(reference).extract(folder("photos", astronaut, hopper), dir.resolve("faces"), quiet());
        assertEquals(1, summary.get("faces"));
        assertEquals(1, summary.get("faces_of_other_identities"));
        assertTrue(Files.exists(dir.resolve("faces/grace_hopper_512x512_0.png")));
    }

    @Test
    void extractWritesOnlyIntoAnEmptyFolder() throws IOException {
        Path photos = folder("photos", hopper);
        IOException error = assertThrows(IOException.class, () -> extractor(null).extract(photos, photos, quiet()));
        assertEquals(photos + " is not empty; give --out a new or empty folder (nothing in it is overwritten)", error.getMessage());
    }

    @Test
    void sortPutsTheBlurredCopyLastAndThePeopleApart() throws IOException {
        Path photos = folder("photos", astronaut, hopper);
        RgbImage blurred = blur(RgbImage.read(hopper), 3);
        blurred.writePng(photos.resolve("hopper_blurred.png"));
        extractor(null).extract(photos, dir.resolve("faces"), quiet());
        Map<String, Object> byBlur = FaceSorter.sort(dir.resolve("faces"), FaceSorter.By.BLUR, dir.resolve("by-blur"), 0.6);
        List<?> ranked = (List<?>) byBlur.get("faces");
        assertEquals("hopper_blurred_0.png", ((Map<?, ?>) ranked.get(2)).get("crop"));
        assertTrue(Files.exists(dir.resolve("by-blur/0003_hopper_blurred_0.png")));
        assertEquals(3, Alignments.read(dir.resolve("by-blur/alignments.json")).faceCount());
        assertTrue(dev.masquerade.autoencoder.FaceSet.fromFolder(dir.resolve("by-blur"), 64).hasLandmarks(), "a sorted folder is an extraction folder again");
        Map<String, Object> byIdentity = FaceSorter.sort(dir.resolve("faces"), FaceSorter.By.IDENTITY, dir.resolve("by-identity"), 0.6);
        assertEquals(List.of(2, 1), byIdentity.get("identities"), "Hopper twice (sharp and blurred), the astronaut once");
        assertTrue(Files.exists(dir.resolve("by-identity/identity_2/astronaut_0.png")));
        JsonNode sortJson = new ObjectMapper().readTree(dir.resolve("by-identity/sort.json").toFile());
        assertEquals("identity", sortJson.get("by").asText());
    }

    private Extractor extractor(float[] identity) {
        return new Extractor(analyzer, new Extractor.Options(128, 1, 0.75, LandmarkMask.Kind.EXTENDED, 0.5, identity, 0.6, 3));
    }

    private Path folder(String name, Path... photos) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        for (Path photo : photos) {
            Files.copy(photo, folder.resolve(photo.getFileName()));
        }
        return folder;
    }

    /** A box blur of radius r, three times over (close to a Gaussian). */
    private static RgbImage blur(RgbImage image, int r) {
        float[] rgb = image.rgb().clone();
        int w = image.width(), h = image.height();
        for (int pass = 0; pass < 3; pass++) {
            float[] out = new float[rgb.length];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int c = 0; c < 3; c++) {
                        double sum = 0;
                        int n = 0;
                        for (int dy = -r; dy <= r; dy++) {
                            for (int dx = -r; dx <= r; dx++) {
                                int xx = Math.max(0, Math.min(w - 1, x + dx)), yy = Math.max(0, Math.min(h - 1, y + dy));
                                sum += rgb[(yy * w + xx) * 3 + c];
                                n++;
                            }
                        }
                        out[(y * w + x) * 3 + c] = (float) (sum / n);
                    }
                }
            }
            rgb = out;
        }
        return new RgbImage(w, h, rgb);
    }

    private static PrintWriter quiet() {
        return new PrintWriter(new StringWriter());
    }
}
