package dev.masquerade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.detection.TestPictures;
import dev.masquerade.engine.array.Device;
import dev.masquerade.gan.metrics.FashionJudge;
import dev.masquerade.nn.classify.FashionClassifier;
import dev.masquerade.nn.data.Datasets;
import dev.masquerade.nn.data.FashionMnist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** masquerade detect train and detect score, as a user runs them, on folders of smooth pictures with and without a checkerboard. */
class DetectCommandTest {
    private final CommandLineUser user = new CommandLineUser();

    @TempDir
    Path work;

    @Test
    void trainASpectralDetectorThenScorePictures() throws IOException {
        Path real = TestPictures.folder(work.resolve("real"), 25, 28, false, 1);
        Path fake = TestPictures.folder(work.resolve("fake"), 25, 28, true, 2);
        Path model = work.resolve("detector");
        assertEquals(0, user.run("detect", "train", "--real", real.toString(), "--fake", fake.toString(), "--method", "spectrum", "--out",
                model.toString()), user.err());
        assertTrue(user.out().startsWith("spectrum detector: AUC 1.000, accuracy 1.000 on 5 real and 5 fake held-out pictures"), user.out());
        assertTrue(Files.exists(model.resolve("roc.png")));

        CommandLineUser scorer = new CommandLineUser();
        assertEquals(0, scorer.run("detect", "score", "--model", model.toString(), "--input", fake.toString()), scorer.err());
        String[] lines = scorer.out().strip().split("\n");
        assertEquals(25, lines.length, "one line per picture");
        assertTrue(lines[24].endsWith("picture-024.png") && Double.parseDouble(lines[24].split(" ")[0]) > 0.5, lines[24]);
        CommandLineUser single = new CommandLineUser();
        assertEquals(0, single.run("detect", "score", "--model", model.toString(), "--input", real.resolve("picture-024.png").toString()));
        assertTrue(Double.parseDouble(single.out().split(" ")[0]) < 0.5, single.out());
        assertTrue(scorer.err().isEmpty() && single.err().isEmpty(), "pictures like the training ones: no warning");

        Path larger = TestPictures.folder(work.resolve("larger"), 3, 40, false, 3);
        CommandLineUser unlike = new CommandLineUser();
        assertEquals(0, unlike.run("detect", "score", "--model", model.toString(), "--input", larger.toString()), unlike.err());
        assertEquals(3, unlike.out().strip().split("\n").length, "still one probability per picture");
        assertTrue(unlike.err().contains("warning: 3 of 3 pictures are not [1, 28, 28] (channels, height, width) like those the detector"
                + " trained on"), unlike.err());
    }

    @Test
    void evaluateADetectorOnDegradedPicturesAndDrawSpectra() throws IOException {
        Path real = TestPictures.folder(work.resolve("real"), 25, 28, false, 1);
        Path fake = TestPictures.folder(work.resolve("fake"), 25, 28, true, 2);
        Path model = work.resolve("detector");
        assertEquals(0, user.run("detect", "train", "--real", real.toString(), "--fake", fake.toString(), "--out", model.toString()));
        CommandLineUser evaluator = new CommandLineUser();
        assertEquals(0, evaluator.run("detect", "evaluate", "--model", model.toString(), "--real", real.toString(), "--fake", fake.toString(),
                "--blur", "1.5", "--out", work.resolve("evaluation").toString()), evaluator.err());
        String[] lines = evaluator.out().split("\n");
        assertTrue(lines[0].matches("fake +condition +AUC +accuracy"), lines[0]);
        assertTrue(lines[1].matches("fake +clean +1\\.000 +1\\.000"), lines[1]);
        assertTrue(lines[2].startsWith("fake") && lines[2].contains("jpeg 75") && lines[3].contains("blur 1.5"), evaluator.out());
        assertTrue(Files.exists(work.resolve("evaluation/roc.png")));

        CommandLineUser drawer = new CommandLineUser();
        assertEquals(0, drawer.run("detect", "spectra", "--source", real.toString(), "--source", fake.toString(), "--out",
                work.resolve("spectra").toString()), drawer.err());
        assertTrue(drawer.out().startsWith("real") && drawer.out().contains("dB at the highest quarter of frequencies"), drawer.out());
        assertTrue(Files.exists(work.resolve("spectra/fingerprints.png")));
    }

    @Test
    void trainACnnDetectorWithAugmentation() throws IOException {
        Path real = TestPictures.folder(work.resolve("real"), 10, 16, false, 1);
        Path fake = TestPictures.folder(work.resolve("fake"), 10, 16, true, 2);
        Path model = work.resolve("cnn");
        assertEquals(0, user.run("detect", "train", "--real", real.toString(), "--fake", fake.toString(), "--method", "cnn", "--augment",
                "--steps", "5", "--no-progress", "--out", model.toString()), user.err());
        assertTrue(user.out().startsWith("cnn detector: AUC "), user.out());
        assertTrue(Files.readString(model.resolve("metrics.json")).contains("\"augmented\" : true"));
        for (String file : new String[] {"detector.json", "loss.png", "metrics.jsonl", "roc.png"}) {
            assertTrue(Files.exists(model.resolve(file)), file + " is missing");
        }
    }

    @Test
    void samplesOfAGanRunAsAFolderOfPicturesThenScored() throws IOException {
        Path data = Path.of(FashionMnist.DEFAULT_DIRECTORY);
        Datasets.requireFashionMnist(data);
        Path judge = work.resolve("judge"); // a briefly trained judge, taken as the GAN run's, so that no 3-epoch one is trained here
        FashionClassifier.train(FashionMnist.train(data).head(500), FashionMnist.test(data).head(200),
                new FashionClassifier.Options(1, 64, 1e-3, 1, false, Device.CPU), judge);
        Files.writeString(judge.resolve(FashionJudge.TRAINED_ON), FashionMnist.fingerprint(data) + "\n");
        Path run = work.resolve("gan");
        assertEquals(0, user.run("gan", "train", "--dataset", "fashion-mnist", "--epochs", "1", "--limit", "128", "--eval-samples", "50",
                "--classifier", judge.toString(), "--no-progress", "--out", run.toString()), user.err());
        Path samples = work.resolve("samples");
        assertEquals(0, user.run("gan", "sample", "--checkpoint", run.resolve("checkpoint.json").toString(), "--n", "6", "--out",
                samples.toString()), user.err());
        assertEquals(6, dev.masquerade.nn.data.ImageFolder.files(samples).size(), "one PNG per sample");
        assertEquals(28, dev.masquerade.nn.io.Images.decode(samples.resolve("sample_0005.png")).getWidth());

        Path model = work.resolve("detector");
        assertEquals(0, user.run("detect", "train", "--real", "fashion-mnist", "--fake", run.toString(), "--count", "50", "--held-out", "10",
                "--out", model.toString()), user.err());
        assertTrue(user.err().contains("warning: only 10 held-out pictures on one side"), user.err());
        CommandLineUser scorer = new CommandLineUser();
        assertEquals(0, scorer.run("detect", "score", "--model", model.toString(), "--input", samples.toString()), scorer.err());
        assertEquals(6, scorer.out().strip().split("\n").length);
    }

    @Test
    void badInputGetsOneLine() throws IOException {
        Path real = TestPictures.folder(work.resolve("real"), 5, 16, false, 1);
        assertEquals(1, user.run("detect", "train", "--real", real.toString(), "--fake", work.resolve("none").toString(), "--out",
                work.resolve("d").toString()));
        assertTrue(user.err().contains("none does not exist; a source is fashion-mnist") && !user.err().contains("Exception"), user.err());
        assertEquals(1, user.run("detect", "train", "--real", real.toString(), "--fake", real.toString(), "--out", real.toString()));
        assertTrue(user.err().contains("--out") && !user.err().contains("Exception"), user.err());
        assertEquals(1, user.run("detect", "score", "--model", real.toString(), "--input", real.toString()));
        assertTrue(user.err().contains("holds no detector.json; pass the --out folder of a 'masquerade detect train' run"), user.err());
        assertEquals(1, user.run("detect", "train", "--real", real.toString(), "--fake", real.toString(), "--out", work.resolve("d").toString()));
        assertTrue(user.err().contains("--real and --fake both give the pictures of " + real), user.err());
        assertEquals(1, user.run("detect", "train", "--real", real.toString(), "--fake", "fashion-mnist", "--method", "svm", "--out",
                work.resolve("d").toString()));
        assertTrue(user.err().contains("--method must be spectrum or cnn, got svm"), user.err());
        assertEquals(1, user.run("detect", "train", "--real", real.toString(), "--fake", "fashion-mnist", "--augment", "--out",
                work.resolve("d").toString()));
        assertTrue(user.err().contains("--augment, --steps and --seed train the cnn detector"), user.err());
        assertEquals(2, user.run("detect", "train", "--real", real.toString()));
    }
}
