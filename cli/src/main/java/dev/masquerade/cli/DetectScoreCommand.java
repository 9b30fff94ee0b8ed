package dev.masquerade.cli;

import dev.masquerade.detection.Detector;
import dev.masquerade.detection.DetectionRun;
import dev.masquerade.detection.Detectors;
import dev.masquerade.detection.sources.PictureSource;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Shape;
import dev.masquerade.nn.data.ImageFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code masquerade detect score}: the probability that each picture is generated. */
@Command(mixinStandardHelpOptions = true, name = "score",
        description = "Print, for a picture or each picture of a folder, the probability that it is generated, by a trained detector"
                + " (one line per picture: the probability, then the file).")
final class DetectScoreCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "The --out folder of a 'masquerade detect train' run.")
    private Path model;

    @Option(names = "--input", required = true, paramLabel = "IMAGE|FOLDER", description = "A picture, or a folder of pictures (every"
            + " picture in it, never read as a run folder); a detector's probabilities mean most for pictures like those it trained on.")
    private Path input;

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(input)) {
            throw new IllegalArgumentException("--input " + input + " does not exist; give a picture or a folder of pictures");
        }
        Detector detector = Detectors.load(model);
        int[] trained = DetectionRun.trainedShape(model);
        List<Path> files = Files.isDirectory(input) ? ImageFolder.files(input) : List.of(input);
        int unlike = 0;
        for (Path file : files) {
            Tensor picture = PictureSource.read(file);
            unlike += trained != null && !Arrays.equals(trained, picture.shape()) ? 1 : 0;
            double probability = detector.probabilities(List.of(picture))[0];
            spec.commandLine().getOut().printf(Locale.ROOT, "%.4f  %s%n", probability, file);
        }
        if (unlike > 0) { // the detector still answers, confidently: say why the numbers may be meaningless
            spec.commandLine().getErr().printf("warning: %d of %d pictures are not %s (channels, height, width) like those the detector"
                    + " trained on; its probabilities for them say little%n", unlike, files.size(), Shape.str(trained));
        }
        return 0;
    }
}
