package dev.masquerade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code masquerade faces detect} and {@code faces compare} on the two real photos of
 * scripts/fetch-photos.sh, with the weights of scripts/fetch-face-models.sh (skipped without
 * them, except in CI), and their answers to bad input.
 */
class FacesCommandTest {
    private static Path models;
    private static Path photos;

    @TempDir
    Path dir;

    @BeforeAll
    static void requireWeightsAndPhotos() {
        models = FaceApiData.models();
        photos = FaceApiData.photos();
    }

    private Path inputFolder() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(photos.resolve("astronaut.png"), in.resolve("astronaut.png"));
        Files.copy(photos.resolve("grace_hopper_512x512.jpg"), in.resolve("grace_hopper_512x512.jpg"));
        return in;
    }

    @Test
    void detectWritesFacesJsonAndAnAnnotatedPicturePerPhoto() throws IOException {
        CommandLineUser user = new CommandLineUser();
        Path out = dir.resolve("out");
        assertEquals(0, user.run("faces", "detect", "--input", inputFolder().toString(), "--out", out.toString(), "--models", models.toString()), user.err());
        assertTrue(user.out().contains("[1/2] astronaut.png: 1 face") && user.out().contains("[2/2] grace_hopper_512x512.jpg: 1 face"), user.out());
        JsonNode json = new ObjectMapper().readTree(out.resolve("faces.json").toFile());
        assertEquals(2, json.size());
        for (JsonNode entry : json) {
            JsonNode face = entry.get("faces").get(0);
            assertEquals(4, face.get("box").size());
            assertTrue(face.get("score").asDouble() > 0.5);
            assertEquals(68, face.get("landmarks").size());
            assertEquals(2, face.get("landmarks").get(0).size());
            assertEquals(128, face.get("descriptor").size());
            BufferedImage annotated = ImageIO.read(out.resolve(entry.get("image").asText() + ".faces.png").toFile());
            assertEquals(512, annotated.getWidth());
        }
    }

    @Test
    void compareTellsTwoPeopleApartAndOnePersonFromThemselves() {
        CommandLineUser user = new CommandLineUser();
        String collins = photos.resolve("astronaut.png").toString(), hopper = photos.resolve("grace_hopper_512x512.jpg").toString();
        assertEquals(0, user.run("faces", "compare", collins, hopper, "--models", models.toString()), user.err());
        assertTrue(user.out().matches("(?s).*distance \\d\\.\\d{3} >= 0\\.6: different people.*"), user.out());
        assertEquals(0, user.run("faces", "compare", collins, collins, "--models", models.toString()), user.err());
        assertTrue(user.out().contains("distance 0.000 < 0.6: the same person"), user.out());
    }

    @Test
    void aPhotoWithoutAFaceIsOneClearLine() throws IOException {
        Path grey = dir.resolve("grey.png");
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "png", grey.toFile());
        CommandLineUser user = new CommandLineUser();
        assertEquals(1, user.run("faces", "compare", grey.toString(), grey.toString(), "--models", models.toString()));
        assertTrue(user.err().startsWith("masquerade: no face found in " + grey), user.err());
        assertEquals(1, user.err().lines().count(), user.err());
    }

    @Test
    void badInputIsOneClearLine() throws IOException {
        CommandLineUser user = new CommandLineUser();
        assertEquals(2, user.run("faces", "detect", "--input", dir.toString(), "--out", dir.resolve("o").toString(), "--score", "1.5"));
        assertTrue(user.err().contains("--score must lie between 0 and 1"), user.err());
        assertEquals(1, user.run("faces", "detect", "--input", dir.toString(), "--out", dir.resolve("o").toString(), "--models", models.toString()));
        assertTrue(user.err().contains(dir + " holds no photos"), user.err());
        Path broken = Files.createDirectories(dir.resolve("broken"));
        for (String net : new String[] {"tiny_face_detector", "face_landmark_68", "face_recognition"}) {
            Files.copy(models.resolve(net + "_model-weights_manifest.json"), broken.resolve(net + "_model-weights_manifest.json"));
        }
        assertEquals(1, user.run("faces", "compare", "a.png", "b.png", "--models", broken.toString()));
        assertTrue(user.err().contains("face-api's tiny_face_detector weights are not in " + broken + "; fetch them with scripts/fetch-face-models.sh "
                + broken), user.err());
        assertEquals(2, user.run("faces", "compare", "a.png", "b.png", "c.png"));
        assertTrue(user.err().contains("Unmatched argument at index 4: 'c.png'"), user.err());
    }

    @Test
    void damagedWeightsAreRefusedBeforeTheyRun() throws IOException {
        Path damaged = Files.createDirectories(dir.resolve("damaged"));
        try (var files = Files.list(models)) {
            for (Path file : files.toList()) {
                Files.copy(file, damaged.resolve(file.getFileName()));
            }
        }
        byte[] bytes = Files.readAllBytes(damaged.resolve("face_landmark_68_model.bin"));
        bytes[1000] ^= 0x55; // same length, one byte off: it would load and run, and be wrong
        Files.write(damaged.resolve("face_landmark_68_model.bin"), bytes);
        CommandLineUser user = new CommandLineUser();
        assertEquals(1, user.run("faces", "compare", "a.png", "b.png", "--models", damaged.toString()));
        assertTrue(user.err().contains("face_landmark_68_model.bin is not face-api 1.7.15's (its SHA-256 differs: damaged or another release); "
                + "fetch it again with scripts/fetch-face-models.sh " + damaged), user.err());
    }

    @Test
    void aPhotoThatCannotBeReadIsSkippedAndTheOthersStillWritten() throws IOException {
        Path in = inputFolder();
        Files.writeString(in.resolve("notes.jpg"), "not a picture");
        CommandLineUser user = new CommandLineUser();
        Path out = dir.resolve("out");
        assertEquals(1, user.run("faces", "detect", "--input", in.toString(), "--out", out.toString(), "--models", models.toString()));
        assertTrue(user.out().contains("[3/3] notes.jpg: skipped: "), user.out());
        assertTrue(user.err().contains("1 of 3 photos could not be read and were skipped (see above): [notes.jpg]"), user.err());
        assertEquals(2, new ObjectMapper().readTree(out.resolve("faces.json").toFile()).size(), "the two photos' faces are kept");
    }
}
