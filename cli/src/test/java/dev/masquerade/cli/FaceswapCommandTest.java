package dev.masquerade.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.io.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** masquerade demo and masquerade faceswap, as a user runs them. */
class FaceswapCommandTest {
    private final CommandLineUser user = new CommandLineUser();

    @TempDir
    Path work;


    /** A 120x100 photo to cut crops from. */
    private Path photo() throws IOException {
        Path photo = work.resolve("photo.png");
        Images.writePng(Tensor.rand(new Rng(4), 3, 100, 120), photo);
        return photo;
    }

    /** {@code faceswap crop} of {@code box} from {@code photo} to {@code out}, with any further options. */
    private int crop(Path photo, String box, String out, String... more) {
        List<String> args = new ArrayList<>(List.of("faceswap", "crop", "--image", photo.toString(), "--box", box, "--out", out));
        args.addAll(List.of(more));
        return user.run(args.toArray(String[]::new));
    }

    private Path faces(String name, int count, int size) throws IOException {
        Path folder = Files.createDirectories(work.resolve(name));
        for (int i = 0; i < count; i++) {
            Images.writePng(Tensor.rand(new Rng(i), 3, size, size), folder.resolve("face" + i + ".png"));
        }
        return folder;
    }

    @Test
    void theDemoReportsTheSwapAgainstItsBaselineAndWritesItsFiles() {
        Path run = work.resolve("demo");
        assertEquals(0, user.run("demo", "--steps", "2", "--out", run.toString(), "--no-progress"), user.err());
        assertTrue(user.out().contains("B's mean face scores"), user.out());
        for (String file : new String[] {"preview.png", "swap.png", "loss.png", "metrics.json", "checkpoint.json"}) {
            assertTrue(Files.exists(run.resolve(file)), file + " is missing");
        }
    }

    @Test
    void trainOnFoldersThenSwapAFolder() throws IOException {
        Path a = faces("a", 3, 64), b = faces("b", 3, 64), run = work.resolve("run"), swapped = work.resolve("swapped");
        assertEquals(0, user.run("faceswap", "train", "--a", a.toString(), "--b", b.toString(), "--out", run.toString(), "--steps", "2",
                "--width", "4", "--latent", "8", "--masks", "--colour-match", "reinhard", "--no-progress"), user.err());
        assertEquals(0, user.run("faceswap", "swap", "--checkpoint", run.resolve("checkpoint.json").toString(), "--input", a.toString(),
                "--output", swapped.toString()), user.err());
        assertTrue(user.out().contains("swapped 3 faces to B"), user.out());
        assertEquals(64, Images.read(swapped.resolve("face0.png"), 3, 0).size(2));
    }

    @Test
    void swapNeverWritesOverItsInputsNorOneOutputOverAnother() throws IOException {
        Path a = faces("a", 2, 64), b = faces("b", 2, 64), run = work.resolve("run");
        assertEquals(0, user.run("faceswap", "train", "--a", a.toString(), "--b", b.toString(), "--out", run.toString(), "--steps", "1",
                "--width", "4", "--latent", "8", "--no-progress"), user.err());
        String checkpoint = run.resolve("checkpoint.json").toString();
        byte[] original = Files.readAllBytes(a.resolve("face0.png"));
        assertEquals(1, user.run("faceswap", "swap", "--checkpoint", checkpoint, "--input", a.toString(), "--output", a.toString()));
        assertTrue(user.err().contains("would overwrite the input") && user.err().contains("face0.png"), user.err());
        assertArrayEquals(original, Files.readAllBytes(a.resolve("face0.png")), "the input is untouched");
        // face0.png and face0.jpg (a PNG under another name) would both become face0.png
        Files.copy(a.resolve("face0.png"), a.resolve("face0.jpg"));
        Path swapped = work.resolve("swapped");
        assertEquals(0, user.run("faceswap", "swap", "--checkpoint", checkpoint, "--input", a.toString(), "--output", swapped.toString()), user.err());
        assertTrue(user.out().contains("swapped 3 faces"), user.out());
        try (var written = Files.list(swapped)) {
            assertEquals(Set.of("face0.png.png", "face0.jpg.png", "face1.png"), written.map(f -> f.getFileName().toString()).collect(Collectors.toSet()));
        }
    }

    @Test
    void aResumedRunKeepsItsArchitectureAndItsStepCount() throws IOException {
        Path a = faces("a", 2, 64), b = faces("b", 2, 64), run = work.resolve("run");
        String[] train = {"faceswap", "train", "--a", a.toString(), "--b", b.toString(), "--out", run.toString(), "--no-progress", "--latent", "8"};
        assertEquals(0, user.run(concat(train, "--steps", "2", "--width", "4")), user.err());
        assertEquals(1, user.run(concat(train, "--resume", "--steps", "3", "--width", "8")));
        assertTrue(user.err().contains("--width 8 differs from 4"), user.err());
        assertEquals(1, user.run(concat(train, "--resume", "--steps", "2")));
        assertTrue(user.err().contains("nothing to resume") && user.err().contains("trained 2 steps"), user.err());
        CommandLineUser resumed = new CommandLineUser();
        assertEquals(0, resumed.run(concat(train, "--resume", "--steps", "3")), resumed.err());
        assertTrue(resumed.out().contains("width 4,"), "the run's own width is printed, not the default: " + resumed.out());
    }

    @Test
    void aMissingAdversaryOfARunTrainedWithOneIsCalledMissing() throws IOException {
        Path a = faces("a", 2, 64), b = faces("b", 2, 64), run = work.resolve("run");
        String[] train = {"faceswap", "train", "--a", a.toString(), "--b", b.toString(), "--out", run.toString(), "--no-progress",
            "--width", "4", "--latent", "8", "--gan-weight", "0.1"};
        assertEquals(0, user.run(concat(train, "--steps", "1")), user.err());
        Files.delete(run.resolve("adversary.json"));
        assertEquals(1, user.run(concat(train, "--steps", "2", "--resume")));
        assertTrue(user.err().contains("was trained with --gan-weight 0.1 but its adversary.json is missing"), user.err());
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    void anEmptyFolderIsOneClearLine() throws IOException {
        Path empty = Files.createDirectories(work.resolve("empty"));
        Path b = faces("b", 1, 64);
        assertEquals(1, user.run("faceswap", "train", "--a", empty.toString(), "--b", b.toString(), "--out", work.resolve("r").toString()));
        assertTrue(user.err().contains("holds no .png, .jpg, .jpeg or .webp files"), user.err());
        assertFalse(user.err().contains("\tat "), user.err());
    }

    @Test
    void cropsFarSmallerThanTheModelAreRefusedNotBlownUp() throws IOException {
        Path tiny = faces("tiny", 2, 1);
        assertEquals(1, user.run("faceswap", "train", "--a", tiny.toString(), "--b", tiny.toString(), "--out", work.resolve("r").toString()));
        assertTrue(user.err().contains("are 1x1 pixels, under half the model's 64x64"), user.err());
    }

    @Test
    void mixedImageSizesAreOneClearLine() throws IOException {
        Path a = faces("a", 1, 64);
        Images.writePng(Tensor.rand(new Rng(9), 3, 32, 32), a.resolve("small.png"));
        assertEquals(1, user.run("faceswap", "train", "--a", a.toString(), "--b", a.toString(), "--out", work.resolve("r").toString()));
        assertTrue(user.err().contains("must be squares of one size"), user.err());
    }

    @Test
    void aCheckpointOfAnotherModelIsOneClearLine() throws IOException {
        Path manifest = work.resolve("classifier.json");
        dev.masquerade.nn.io.Checkpoint.save(manifest, java.util.Map.of("w", Tensor.zeros(2)), java.util.Map.of("model", "FashionClassifier"));
        Path a = faces("a", 1, 64);
        assertEquals(1, user.run("faceswap", "swap", "--checkpoint", manifest.toString(), "--input", a.toString(), "--output", work.toString()));
        assertTrue(user.err().contains("is not a face-swap checkpoint"), user.err());
    }

    @Test
    void cropCutsAScaledSquareAndRefusesABoxOutsideThePhoto() throws IOException {
        Path photo = photo();
        Path crop = work.resolve("crops/face.png");
        assertEquals(0, crop(photo, "10,20,80", crop.toString()), user.err());
        assertEquals(64, Images.read(crop, 3, 0).size(1));
        assertEquals(1, crop(photo, "50,50,80", crop.toString()));
        assertTrue(user.err().contains("does not fit inside") && user.err().contains("120x100"), user.err());
    }

    @Test
    void cropWritesTheFormatItsFileNamesAndRefusesWhatItCannot() throws IOException {
        Path photo = photo();
        Path jpeg = work.resolve("face.jpg");
        assertEquals(0, crop(photo, "10,20,80", jpeg.toString()), user.err());
        byte[] start = Arrays.copyOf(Files.readAllBytes(jpeg), 3);
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, start, "JPEG bytes in a .jpg file, not PNG");
        assertEquals(1, crop(photo, "10,20,80", work.resolve("face.gif").toString()));
        assertTrue(user.err().contains(".png, .jpg or .jpeg"), user.err());
        assertEquals(1, crop(photo, "10,20,80", jpeg.toString(), "--size", "0"));
        assertTrue(user.err().contains("--size must be from 1 to 4096"), user.err());
        byte[] original = Files.readAllBytes(photo);
        assertEquals(1, crop(photo, "10,20,80", photo.toString()));
        assertTrue(user.err().contains("would replace the photo"), user.err());
        assertArrayEquals(original, Files.readAllBytes(photo));
    }

    @Test
    void theSourceIsEitherFoldersOrSynthetic() {
        assertEquals(2, user.run("faceswap", "train", "--synthetic", "--a", "x", "--b", "y"));
        assertTrue(user.err().contains("give exactly one of (--synthetic | [--a=DIR --b=DIR])"), user.err());
    }
}
