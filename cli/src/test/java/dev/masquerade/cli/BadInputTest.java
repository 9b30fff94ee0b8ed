package dev.masquerade.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.data.FakeFashionMnist;
import dev.masquerade.nn.io.Images;
import dev.masquerade.workflow.Alignments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command, given what a student might type by mistake: each case must fail (exit code
 * not 0) with one line that names what is wrong (the option, or the file), and no stack trace.
 * The cases run on the ring, the synthetic faces or tiny files, so they need no data set.
 */
class BadInputTest {
    @TempDir
    Path work;

    private record Case(String expected, String... args) {
    }

    @TestFactory
    Stream<DynamicTest> everyCommandRefusesNonsenseWithOneLine() throws IOException {
        Path photo = work.resolve("photo.png");
        Images.writePng(Tensor.rand(new Rng(1), 3, 40, 40), photo);
        Path notAPicture = Files.writeString(work.resolve("notes.png"), "hello");
        Path faces = Files.createDirectories(work.resolve("faces"));
        Images.writePng(Tensor.rand(new Rng(2), 3, 64, 64), faces.resolve("f.png"));
        String out = work.resolve("out").toString();
        Path cutShort = Files.createDirectories(work.resolve("cut"));
        Images.writePng(Tensor.rand(new Rng(3), 3, 64, 64), cutShort.resolve("whole.png"));
        byte[] png = Files.readAllBytes(cutShort.resolve("whole.png"));
        Files.write(cutShort.resolve("half.png"), Arrays.copyOf(png, png.length / 2));
        Path withText = Files.createDirectories(work.resolve("text"));
        Files.copy(notAPicture, withText.resolve("notes.png"));
        Path notJson = Files.writeString(work.resolve("broken.json"), "{ \"format\": ");
        Path run = Files.createDirectories(work.resolve("run"));
        Files.writeString(run.resolve("checkpoint.json"), "not a checkpoint at all");
        // a whole run, and a copy whose checkpoint data was cut short (a copy interrupted half-way)
        Path intact = work.resolve("intact");
        new CommandLineUser().run("gan", "train", "--dataset", "ring", "--epochs", "1", "--no-progress", "--out", intact.toString());
        Path ring = Files.createDirectories(work.resolve("ring"));
        try (Stream<Path> files = Files.list(intact)) {
            for (Path file : files.toList()) {
                Files.copy(file, ring.resolve(file.getFileName()));
            }
        }
        try (Stream<Path> files = Files.list(ring)) {
            Path data = files.filter(f -> f.getFileName().toString().startsWith("checkpoint.") && f.toString().endsWith(".bin")).findFirst().orElseThrow();
            Files.write(data, Arrays.copyOf(Files.readAllBytes(data), (int) Files.size(data) / 2));
        }
        Files.createDirectories(work.resolve("s.png")); // a folder where a picture is to go
        Path edited = Files.createDirectories(work.resolve("edited")); // a run's log with a line broken by hand
        List<String> log = new ArrayList<>(Files.readAllLines(ring.resolve("metrics.jsonl")));
        log.set(1, log.get(1).substring(0, 10));
        Files.write(edited.resolve("metrics.jsonl"), log);
        Path damaged = FakeFashionMnist.write(work.resolve("damaged"), 3);
        FakeFashionMnist.damageChecksum(damaged.resolve("train-images-idx3-ubyte.gz"));
        String tiny = FakeFashionMnist.write(work.resolve("tiny"), 3).toString();
        String foreign = FakeFashionMnist.write(work.resolve("foreign"), 12).toString(); // labels of some other data set
        Path alignments = work.resolve("alignments.json");
        new Alignments(new Alignments.Source("clip.mp4", true, 64, 48, "25", 3), new Alignments.Crop(64, 0.75), List.of()).write(alignments);
        String video = work.resolve("clip.mp4").toString();
        List<Case> cases = List.of(
                new Case("--warp-to-landmarks needs the landmarks of both people's faces", "faceswap", "train", "--synthetic", "--synthetic-count", "4",
                        "--warp-to-landmarks", "--steps", "1", "--out", out),
                new Case("--timelapse " + faces + " is the --a folder", "faceswap", "train", "--a", faces.toString(), "--b", faces.toString(),
                        "--timelapse", faces.toString(), "--out", out),
                new Case("--timelapse " + withText + " is not empty", "faceswap", "train", "--synthetic", "--synthetic-count", "4",
                        "--timelapse", withText.toString(), "--out", out),
                new Case("--size must be 64, 128 or 256", "faceswap", "extract", "--input", photo.toString(), "--out", out, "--size", "100"),
                new Case("--every must be at least 1", "faceswap", "extract", "--input", photo.toString(), "--out", out, "--every", "0"),
                new Case("--smooth must be an odd number", "faceswap", "extract", "--input", photo.toString(), "--out", out, "--smooth", "4"),
                new Case("the mask must be components or extended", "faceswap", "extract", "--input", photo.toString(), "--out", out, "--mask", "hull"),
                new Case("gone.mp4: no such video, picture or folder", "faceswap", "extract", "--input", work.resolve("gone.mp4").toString(), "--out", out),
                new Case("no such alignments file", "faceswap", "sort", faces.toString(), "--by", "blur", "--out", out),
                new Case("--by must be blur, pose or identity", "faceswap", "sort", faces.toString(), "--by", "colour", "--out", out),
                new Case("broken.json is not an alignments file of masquerade faceswap extract", "faceswap", "convert", "--checkpoint",
                        work.resolve("none.json").toString(), "--input", video, "--alignments", notJson.toString(), "--out", out),
                new Case("--smooth must be an odd number", "faceswap", "convert", "--checkpoint", work.resolve("none.json").toString(), "--input", video,
                        "--alignments", alignments.toString(), "--out", out, "--smooth", "4"),
                new Case("--blend must be paste, feather or seamless", "faceswap", "convert", "--checkpoint", work.resolve("none.json").toString(), "--input", video,
                        "--alignments", alignments.toString(), "--out", out, "--blend", "poisson-ish"),
                new Case("unknown colour matching 'lab'", "faceswap", "convert", "--checkpoint", work.resolve("none.json").toString(), "--input", video,
                        "--alignments", alignments.toString(), "--out", out, "--colour", "lab"),
                new Case("is not a face-swap checkpoint (its model is", "faceswap", "convert", "--checkpoint", intact.resolve("checkpoint.json").toString(),
                        "--input", video, "--alignments", alignments.toString(), "--out", out),
                new Case("train-images-idx3-ubyte.gz is a damaged gzip file", "classify", "--data", damaged.toString(), "--out", out),
                new Case("train-images-idx3-ubyte.gz is a damaged gzip file", "gan", "train", "--data", damaged.toString(), "--out", out),
                new Case("train-images-idx3-ubyte.gz is a damaged gzip file", "autoencoder", "--data", damaged.toString(), "--out", out),
                new Case("is not Fashion-MNIST's: label 0 is 12", "classify", "--data", foreign, "--out", out),
                new Case("--batch-size 64 is more than the 16 training images", "gan", "train", "--data", tiny,
                        "--classifier", work.resolve("judge").toString(), "--out", out),
                new Case("--steps", "demo", "--steps", "0", "--out", out),
                new Case("--gan-weight", "demo", "--gan-weight", "-1", "--out", out),
                new Case("--box", "faceswap", "crop", "--image", photo.toString(), "--box", "a,b,c", "--out", work.resolve("c.png").toString()),
                new Case("does not fit inside", "faceswap", "crop", "--image", photo.toString(), "--box", "30,30,20", "--out", work.resolve("c.png").toString()),
                new Case("notes.png", "faceswap", "crop", "--image", notAPicture.toString(), "--box", "0,0,4", "--out", work.resolve("c.png").toString()),
                new Case("--to", "faceswap", "swap", "--checkpoint", work.resolve("none.json").toString(), "--input", faces.toString(), "--output", out, "--to", "c"),
                new Case("none.json", "faceswap", "swap", "--checkpoint", work.resolve("none.json").toString(), "--input", faces.toString(), "--output", out),
                new Case("--batch-size", "faceswap", "train", "--synthetic", "--synthetic-count", "4", "--batch-size", "0", "--out", out),
                new Case("--batch-size 200000 makes a batch", "faceswap", "train", "--synthetic", "--synthetic-count", "4", "--batch-size", "200000", "--out", out),
                new Case("use a smaller --batch-size", "gan", "train", "--dataset", "ring", "--batch-size", "" + (1 << 30), "--out", out),
                // 2^31 - 2 floats: more than Java lets one array hold, so out of memory on any heap
                new Case("out of memory", "gan", "train", "--dataset", "ring", "--batch-size", "" + ((1 << 30) - 1), "--no-progress", "--out", out),
                new Case("--size", "faceswap", "train", "--synthetic", "--synthetic-count", "4", "--size", "100", "--out", out),
                new Case("--width", "faceswap", "train", "--synthetic", "--synthetic-count", "4", "--width", "3", "--out", out),
                new Case("--latent", "faceswap", "train", "--synthetic", "--synthetic-count", "4", "--latent", "-1", "--out", out),
                new Case("photo.png is a file; name a folder", "faceswap", "train", "--synthetic", "--synthetic-count", "4", "--out", photo.toString()),
                new Case("photo.png is a file; name a folder", "demo", "--steps", "1", "--out", photo.toString()),
                new Case("photo.png is a file; name the folder", "faceswap", "swap", "--checkpoint", work.resolve("none.json").toString(), "--input", photo.toString(), "--output", out),
                new Case("gone.png: no such file", "faceswap", "crop", "--image", work.resolve("gone.png").toString(), "--box", "0,0,4", "--out", work.resolve("c.png").toString()),
                new Case("is a folder; pass the checkpoint.json inside it", "gan", "sample", "--checkpoint", ring.toString(), "--out", work.resolve("s.png").toString()),
                new Case("--eval-samples", "gan", "train", "--eval-samples", "1", "--out", out),
                new Case("--n must be from 1 to 10000", "gan", "sample", "--checkpoint", ring.resolve("checkpoint.json").toString(), "--n", "10001", "--out", work.resolve("s.png").toString()),
                new Case("--figures " + photo + " is a file", "tutorial", "1", "--figures", photo.toString()),
                new Case("there is no chapter 0", "tutorial", "0"),
                new Case("unknown dataset 'banana'", "classify", "--dataset", "banana", "--out", out),
                new Case("unknown dataset 'banana'", "autoencoder", "--dataset", "banana", "--out", out),
                new Case("unknown pixel loss 'huber'", "faceswap", "train", "--synthetic", "--synthetic-count", "4", "--loss", "huber", "--out", out),
                new Case("unknown colour matching 'lab'", "faceswap", "train", "--synthetic", "--synthetic-count", "4", "--colour-match", "lab", "--out", out),
                new Case("--checkpoint-every", "faceswap", "train", "--synthetic", "--synthetic-count", "4", "--checkpoint-every", "0", "--out", out),
                new Case("--preview-every", "faceswap", "train", "--synthetic", "--synthetic-count", "4", "--preview-every", "-1", "--out", out),
                new Case("'abc' is not a long", "gan", "train", "--dataset", "ring", "--seed", "abc", "--out", out),
                new Case("broken.json is not a .npy file", "gan", "score", "--samples", notJson.toString()),
                new Case("is the --samples file; name another file for the picture", "gan", "score", "--samples", notJson.toString(), "--grid",
                        notJson.toString()),
                new Case("--init must be default", "gan", "train", "--dataset", "ring", "--init", "xavier", "--out", out),
                new Case("unknown GAN loss 'wgan'", "gan", "train", "--dataset", "ring", "--loss", "wgan", "--out", out),
                new Case("metrics.jsonl line 2 is not a JSON record", "gan", "compare", edited.toString(), "--out", work.resolve("cmp.png").toString()),
                new Case("--out must name a .png file", "gan", "compare", ring.toString(), "--out", ring.resolve("metrics.jsonl").toString()),
                new Case("--out is empty", "classify", "--data", tiny, "--out", ""),
                new Case("--out " + faces + " is the --a folder", "faceswap", "train", "--a", faces.toString(), "--b", faces.toString(), "--out", faces.toString()),
                new Case("is the --data folder", "classify", "--data", tiny, "--out", tiny),
                new Case("holds something else (its checkpoint.json)", "gan", "train", "--data", tiny, "--batch-size", "8", "--classifier", intact.toString(), "--out", out),
                new Case("--limit is for --dataset fashion-mnist", "gan", "train", "--dataset", "ring", "--limit", "5", "--out", out),
                new Case("chapter 1 has no figures", "tutorial", "1", "--figures", work.resolve("figures").toString()),
                new Case("give one of them", "gan", "train", "--dataset", "ring", "--resume", "--overwrite", "--out", intact.toString()),
                new Case("was trained with --d-steps 1, not 3", "gan", "train", "--dataset", "ring", "--epochs", "2", "--d-steps", "3", "--resume", "--out", intact.toString()),
                new Case("was trained with --dataset ring, not fashion-mnist", "gan", "train", "--data", tiny, "--epochs", "2", "--resume", "--out", intact.toString()),
                new Case("is a folder; pass the .npy file itself", "autoencoder", "--dataset", "lfw", "--data", work.toString(), "--out", out),
                new Case("is not a checkpoint manifest", "gan", "sample", "--checkpoint", ring.resolve("metrics.jsonl").toString(), "--out", work.resolve("s.png").toString()),
                new Case("s.png is a folder; name a file", "gan", "sample", "--checkpoint", intact.resolve("checkpoint.json").toString(), "--out", work.resolve("s.png").toString()),
                new Case("--latent from 1 to 16384", "faceswap", "train", "--synthetic", "--synthetic-count", "4", "--latent", "2147483647", "--out", out),
                new Case("--d-steps must be from 1 to 100", "gan", "train", "--dataset", "ring", "--d-steps", "1000000", "--out", out),
                new Case("--synthetic-count must be from 1 to 100,000", "faceswap", "train", "--synthetic", "--synthetic-count", "2147483647", "--out", out),
                new Case("--size must be from 1 to 4096", "faceswap", "crop", "--image", photo.toString(), "--box", "0,0,10", "--size", "100000", "--out", work.resolve("c.png").toString()),
                new Case("--dssim-weight must be a number from 0 to", "faceswap", "train", "--synthetic", "--synthetic-count", "4", "--dssim-weight", "1e308", "--out", out),
                new Case("give exactly one of", "faceswap", "train", "--synthetic", "--a", faces.toString(), "--b", faces.toString(), "--out", out),
                new Case("--box needs three whole numbers", "faceswap", "crop", "--image", photo.toString(), "--box", "0,0,10,5,5,10", "--out", work.resolve("c.png").toString()),
                new Case("is not a Git work tree", "coursework", "export", "--from", faces.toString(), "--out", work.resolve("student").toString()),
                new Case("is not an empty folder", "coursework", "export", "--from", "..", "--out", faces.toString()),
                new Case("holds no pom.xml", "coursework", "grade", "--dir", faces.toString()),
                new Case("--assignment must be at least 0", "coursework", "export", "--assignment", "-1", "--out", work.resolve("student").toString()),
                new Case("--d-steps", "gan", "train", "--dataset", "ring", "--d-steps", "0", "--out", out),
                new Case("--batch", "gan", "train", "--dataset", "ring", "--batch-size", "1", "--out", out),
                new Case("--epochs", "gan", "train", "--dataset", "ring", "--epochs", "0", "--out", out),
                new Case("--n", "gan", "sample", "--checkpoint", work.resolve("none.json").toString(), "--n", "0", "--out", work.resolve("s.png").toString()),
                new Case("--steps", "gan", "compare", faces.toString(), "--steps", "0", "--out", work.resolve("cmp.png").toString()),
                new Case("--epochs", "classify", "--epochs", "0", "--out", out),
                new Case("--batch-size", "classify", "--batch-size", "0", "--out", out),
                new Case("--latent", "autoencoder", "--latent", "0", "--out", out),
                new Case("--epochs", "autoencoder", "--epochs", "0", "--out", out),
                new Case("is not the folder of a 'masquerade gan train' run", "gan", "compare", faces.toString(), "--out", work.resolve("cmp.png").toString()),
                new Case("broken.json", "faceswap", "swap", "--checkpoint", notJson.toString(), "--input", faces.toString(), "--output", out),
                new Case("broken.json", "gan", "sample", "--checkpoint", notJson.toString(), "--out", work.resolve("s.png").toString()),
                new Case("checkpoint.json", "faceswap", "train", "--synthetic", "--synthetic-count", "4", "--steps", "2", "--resume", "--out", run.toString()),
                new Case("checkpoint.json", "gan", "train", "--dataset", "ring", "--epochs", "2", "--resume", "--out", run.toString()),
                new Case("half.png", "faceswap", "train", "--a", cutShort.toString(), "--b", faces.toString(), "--steps", "1", "--out", out),
                new Case("notes.png", "faceswap", "train", "--a", withText.toString(), "--b", faces.toString(), "--steps", "1", "--out", out),
                new Case("is corrupt", "gan", "sample", "--checkpoint", ring.resolve("checkpoint.json").toString(), "--out", work.resolve("s.png").toString()),
                new Case("is corrupt", "gan", "train", "--dataset", "ring", "--epochs", "2", "--resume", "--no-progress", "--out", ring.toString()));
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases) {
            tests.add(DynamicTest.dynamicTest(String.join(" ", c.args()), () -> {
                CommandLineUser user = new CommandLineUser();
                assertNotEquals(0, user.run(c.args()), user.out());
                assertTrue(user.err().contains(c.expected()), "names " + c.expected() + ": " + user.err());
                assertFalse(user.err().contains("\tat "), "no stack trace: " + user.err());
                assertTrue(user.err().strip().lines().count() <= 2, "one line (and the pointer to --help): " + user.err());
            }));
        }
        return tests.stream();
    }
}
