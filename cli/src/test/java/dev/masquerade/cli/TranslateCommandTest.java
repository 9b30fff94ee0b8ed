package dev.masquerade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import dev.masquerade.gan.metrics.FashionJudge;
import dev.masquerade.nn.classify.FashionClassifier;
import dev.masquerade.nn.data.Datasets;
import dev.masquerade.nn.data.FashionMnist;
import dev.masquerade.nn.io.AtomicFiles;
import dev.masquerade.nn.io.Images;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** masquerade translate train and translate apply, as a user runs them, on small stand-ins for the packaged pictures. */
class TranslateCommandTest {
    private final CommandLineUser user = new CommandLineUser();
    private final Rng rng = new Rng(9);

    @TempDir
    Path work;

    private Path wallpapers() throws IOException {
        Path folder = work.resolve("wallpapers");
        Files.createDirectories(folder);
        for (String name : List.of("waves", "truchet")) {
            Tensor day = Tensor.rand(rng, 3, 32, 32);
            Images.writePng(day, folder.resolve(name + "-l.png"));
            Images.writePng(day.mul(0.3), folder.resolve(name + "-d.png"));
        }
        return folder;
    }

    @Test
    void trainDayToNightThenTranslateAPicture() throws IOException {
        Path run = work.resolve("run");
        assertEquals(0, user.run("translate", "train", "--task", "day2night", "--pictures", wallpapers().toString(), "--steps", "3",
                "--width", "4", "--batch-size", "2", "--out", run.toString(), "--no-progress"), user.err());
        assertTrue(user.out().contains("Training pix2pix on day2night for 3 steps") && user.out().contains("(identity: PSNR"), user.out());
        for (String file : List.of("preview_step_000000.png", "preview_step_000003.png", "loss.png", "metrics.json", "checkpoint.json")) {
            assertTrue(Files.exists(run.resolve(file)), file + " is missing");
        }
        Path night = work.resolve("night");
        assertEquals(0, user.run("translate", "apply", "--checkpoint", run.resolve("checkpoint.json").toString(), "--input",
                work.resolve("wallpapers/waves-l.png").toString(), "--out", night.toString()), user.err());
        assertTrue(user.out().contains("translated 1 picture with pix2pix (day2night, ab)"), user.out());
        BufferedImage translated = Images.decode(night.resolve("waves-l.png"));
        assertEquals(256, translated.getWidth());
        assertEquals(1, user.run("translate", "apply", "--checkpoint", run.resolve("checkpoint.json").toString(), "--input",
                night.toString(), "--out", night.toString()));
        assertTrue(user.err().contains("--out") && !user.err().contains("Exception"), user.err());
        assertEquals(1, user.run("translate", "apply", "--checkpoint", run.resolve("checkpoint.json").toString(), "--input",
                night.toString(), "--out", work.resolve("back").toString(), "--direction", "ba"));
        assertTrue(user.err().contains("needs a CycleGAN run"), user.err());
        Path compared = work.resolve("compared.png");
        assertEquals(0, user.run("translate", "compare", run.toString(), run.toString(), "--out", compared.toString(), "--scale", "2"),
                user.err());
        BufferedImage both = Images.decode(compared); // rows: inputs, two runs' outputs, truths; one held-out example of 256 x 2
        assertEquals(2 + 514, both.getWidth());
        assertEquals(2 + 4 * 514, both.getHeight());
        assertEquals(1, user.run("translate", "compare", night.toString(), "--out", compared.toString()));
        assertTrue(user.err().contains("is not a translation run"), user.err());
    }

    @Test
    void superResolutionEnlargesASmallPhotoFourTimes() throws IOException {
        Path photos = work.resolve("photos");
        Files.createDirectories(photos.resolve("train"));
        Files.createDirectories(photos.resolve("held-out"));
        Images.writePng(Tensor.rand(rng, 3, 80, 80), photos.resolve("train/a.png"));
        Images.writePng(Tensor.rand(rng, 3, 64, 64), photos.resolve("held-out/b.png"));
        Path run = work.resolve("run");
        assertEquals(0, user.run("translate", "train", "--task", "superres", "--model", "unet-l1", "--pictures", photos.toString(),
                "--steps", "2", "--width", "4", "--batch-size", "2", "--out", run.toString(), "--no-progress"), user.err());
        assertTrue(user.out().contains("(bicubic: PSNR"), user.out());
        Path small = work.resolve("small.png");
        Images.writePng(Tensor.rand(rng, 3, 16, 32), small);
        assertEquals(0, user.run("translate", "apply", "--checkpoint", run.resolve("checkpoint.json").toString(), "--input",
                small.toString(), "--out", work.resolve("big").toString()), user.err());
        BufferedImage big = Images.decode(work.resolve("big/small.png"));
        assertEquals(128, big.getWidth());
        assertEquals(64, big.getHeight());
    }

    @Test
    void badChoicesAndMissingPicturesGetOneLine() {
        assertEquals(1, user.run("translate", "train", "--task", "horse2zebra", "--out", work.resolve("a").toString()));
        assertTrue(user.err().contains("day2night, edges2fashion, superres, sneakers2sandals"), user.err());
        assertEquals(1, user.run("translate", "train", "--task", "day2night", "--pictures", work.resolve("none").toString(), "--out",
                work.resolve("b").toString()));
        assertTrue(user.err().contains("scripts/fetch-translation-pictures.sh") && !user.err().contains("\tat "), user.err());
        assertEquals(1, user.run("translate", "train", "--task", "day2night", "--upsampling", "bilinear", "--out", work.resolve("c").toString()));
        assertTrue(user.err().contains("use transposed, resize"), user.err());
    }

    @Test
    void cycleGanLearnsUnpairedFashionAndRefusesToBePix2pix() throws IOException {
        Path data = Path.of(FashionMnist.DEFAULT_DIRECTORY);
        Datasets.requireFashionMnist(data);
        Path judge = work.resolve("judge");
        FashionClassifier.train(FashionMnist.train(data).head(2000), FashionMnist.test(data).head(500),
                new FashionClassifier.Options(1, 64, 1e-3, 1, false, Device.CPU), judge);
        AtomicFiles.write(judge.resolve(FashionJudge.TRAINED_ON), FashionMnist.fingerprint(data) + "\n");
        String[] common = {"--task", "sneakers2sandals", "--classifier", judge.toString(), "--held-out", "50", "--steps", "2", "--width", "4",
            "--no-progress"};
        assertEquals(1, user.run(concat(new String[] {"translate", "train", "--model", "pix2pix", "--out", work.resolve("p").toString()},
                common)));
        assertTrue(user.err().contains("--model cyclegan"), user.err());
        Path run = work.resolve("cycle");
        assertEquals(0, user.run(concat(new String[] {"translate", "train", "--model", "cyclegan", "--out", run.toString()}, common)),
                user.err());
        assertTrue(user.out().contains("of held-out sneakers judged sandals") && user.out().contains("cycle SSIM"), user.out());
        Path sandal = work.resolve("sandal");
        assertEquals(0, user.run("translate", "apply", "--checkpoint", run.resolve("checkpoint.json").toString(), "--input",
                run.resolve("preview_step_000000.png").toString(), "--out", sandal.toString(), "--direction", "ba"), user.err());
        assertEquals(28, Images.decode(sandal.resolve("preview_step_000000.png")).getWidth());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
