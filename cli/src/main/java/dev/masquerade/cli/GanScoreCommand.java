package dev.masquerade.cli;

import dev.masquerade.gan.FashionMnistTask;
import dev.masquerade.gan.GanTask;
import dev.masquerade.gan.SampleFiles;
import dev.masquerade.gan.metrics.FashionJudge;
import dev.masquerade.nn.data.ArrayDataset;
import dev.masquerade.nn.data.FashionMnist;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code masquerade gan score}: the judge's verdict on samples from anywhere (ours, PyTorch's, real ones). */
@Command(mixinStandardHelpOptions = true, name = "score",
        description = "Score Fashion-MNIST-like samples with the judge gan train uses: the Fréchet distance of the classifier's features"
                + " to the test set's, and the classes covered. Samples: a .npy of [N, 28, 28] or [N, 1, 28, 28] in [0, 1] (or bytes), or a"
                + " folder of 28x28 pictures.")
final class GanScoreCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--samples", required = true, paramLabel = "FILE.npy|DIR", description = "The samples to score.")
    private Path samples;

    @Option(names = "--data", defaultValue = FashionMnist.DEFAULT_DIRECTORY, paramLabel = "DIR",
            description = "Folder with the Fashion-MNIST IDX files (default: ${DEFAULT-VALUE}).")
    private Path data;

    @Option(names = "--classifier", paramLabel = "DIR",
            description = "Folder of the judging classifier; trained there when missing (default: ~/.cache/masquerade/fashion-classifier-3-epochs).")
    private Path classifier;

    @Option(names = "--grid", paramLabel = "FILE.png", description = "Also draw the first 64 samples as a grid into this PNG, to look at.")
    private Path grid;

    @Override
    public Integer call() throws Exception {
        if (grid != null && grid.toAbsolutePath().normalize().equals(samples.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("--grid " + grid + " is the --samples file; name another file for the picture");
        }
        var images = SampleFiles.load(samples);
        if (grid != null) {
            SampleFiles.writeGrid(images, grid);
        }
        FashionJudge judge = FashionJudge.loadOrTrain(classifier != null ? classifier : FashionJudge.DEFAULT_FOLDER, data, true);
        ArrayDataset test = FashionMnist.test(data);
        GanTask.Evaluation verdict = new FashionMnistTask(test, test, judge, images.size(0)).score(images);
        Map<String, Object> metrics = verdict.metrics();
        spec.commandLine().getOut().printf("%d samples: fd %.2f, class coverage %d of 10, class histogram %s%n", images.size(0),
                (Double) metrics.get("fd"), verdict.covered(), Arrays.toString((int[]) metrics.get("class_histogram")));
        return 0;
    }
}
