package dev.masquerade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.nn.io.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workflow's commands in a row, as the README runs them, on the two real photos (weights and
 * photos of the fetch scripts; skipped without them, except in CI): extract, sort by identity,
 * train a few steps on the two people, convert; and the answers to a picture with no face and
 * to a video ffmpeg cannot read.
 */
class FaceswapWorkflowCommandTest {
    private static Path models;
    private static Path photos;

    @TempDir
    Path dir;

    @BeforeAll
    static void requireWeightsAndPhotos() {
        models = FaceApiData.models();
        photos = FaceApiData.photos();
    }

    @Test
    void extractSortTrainConvert() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(photos.resolve("astronaut.png"), in.resolve("astronaut.png"));
        Files.copy(photos.resolve("grace_hopper_512x512.jpg"), in.resolve("grace_hopper_512x512.jpg"));
        CommandLineUser user = new CommandLineUser();
        String faces = dir.resolve("faces").toString();
        assertEquals(0, user.run("faceswap", "extract", "--input", in.toString(), "--out", faces, "--size", "64", "--models", models.toString()), user.err());
        assertTrue(user.out().contains("2 faces in 2 of 2 frames"), user.out());
        assertEquals(0, user.run("faceswap", "sort", faces, "--by", "identity", "--out", dir.resolve("people").toString()), user.err());
        assertTrue(user.out().contains("2 identities, faces in each: [1, 1]"), user.out());
        Path a = dir.resolve("people/identity_1"), b = dir.resolve("people/identity_2");
        assertEquals(0, user.run("faceswap", "train", "--a", a.toString(), "--b", b.toString(), "--steps", "2", "--batch-size", "1", "--width", "4",
                "--latent", "8", "--warp-to-landmarks", "--masked-loss", "--preview-every", "1", "--timelapse", dir.resolve("timelapse").toString(),
                "--no-progress", "--out", dir.resolve("run").toString()), user.err());
        assertTrue(Files.exists(dir.resolve("timelapse/timelapse.gif")), "the timelapse of steps 1 and 2");
        String convertedFrames = dir.resolve("converted").toString();
        assertEquals(0, user.run("faceswap", "convert", "--checkpoint", dir.resolve("run/checkpoint.json").toString(), "--input", in.toString(),
                "--alignments", a.resolve("alignments.json").toString(), "--out", convertedFrames), user.err());
        assertTrue(user.out().contains("1 faces swapped in 1 of 2 frames"), user.out());
        assertEquals(Images.dimensions(in.resolve("astronaut.png")), Images.dimensions(dir.resolve("converted/astronaut.png")));
        assertEquals(Images.dimensions(in.resolve("grace_hopper_512x512.jpg")), Images.dimensions(dir.resolve("converted/grace_hopper_512x512.png")));
        assertTrue(Files.exists(dir.resolve("converted/convert.json")));
        try (var crops = Files.list(a)) {
            for (Path crop : crops.filter(f -> f.toString().endsWith(".png")).toList()) {
                Files.delete(crop); // deleting a sorted crop keeps its face from being swapped
            }
        }
        assertEquals(1, user.run("faceswap", "convert", "--checkpoint", dir.resolve("run/checkpoint.json").toString(), "--input", in.toString(),
                "--alignments", a.resolve("alignments.json").toString(), "--out", dir.resolve("again").toString()));
        assertTrue(user.err().contains("none of the 1 crops that " + a.resolve("alignments.json") + " names is beside it"), user.err());
    }

    @Test
    void aPictureWithoutAFaceIsOneLineAndExitOne() throws IOException {
        Path blank = dir.resolve("wall.png");
        Images.writePng(dev.masquerade.engine.Tensor.zeros(3, 64, 64).add(0.5), blank);
        CommandLineUser user = new CommandLineUser();
        assertEquals(1, user.run("faceswap", "extract", "--input", blank.toString(), "--out", dir.resolve("faces").toString(), "--models", models.toString()));
        assertTrue(user.err().contains("no face found in " + blank + "; try a lower --score"), user.err());
        assertFalse(user.err().contains("\tat "));
    }

    @Test
    void aVideoFfmpegCannotReadIsOneLine() throws IOException {
        Path broken = Files.writeString(dir.resolve("clip.avi"), "not a video");
        CommandLineUser user = new CommandLineUser();
        assertEquals(1, user.run("faceswap", "extract", "--input", broken.toString(), "--out", dir.resolve("faces").toString(), "--models", models.toString()));
        assertTrue(user.err().contains(broken + " is not a video ffmpeg can read") || user.err().contains("ffprobe is not installed, and video needs it"),
                user.err());
        assertEquals(1, user.err().strip().lines().count(), user.err());
        assertTrue(!Files.exists(dir.resolve("faces")) || Files.list(dir.resolve("faces")).findAny().isEmpty(),
                "a failed extract leaves its folder empty, so that it can be run again");
    }
}
