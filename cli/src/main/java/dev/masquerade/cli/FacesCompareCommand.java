package dev.masquerade.cli;

import dev.masquerade.faces.Face;
import dev.masquerade.faces.FaceAnalyzer;
import dev.masquerade.faces.FaceRecognitionNet;
import dev.masquerade.faces.RgbImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code masquerade faces compare}: whether the best faces of two photos are one person. */
@Command(mixinStandardHelpOptions = true, name = "compare",
        description = "The distance between the descriptors of the best-scoring face in each of two photos, and whether it is under"
                + " the usual same-person threshold, 0.6.")
final class FacesCompareCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "The first photo.")
    private Path first;

    @Parameters(index = "1", paramLabel = "IMAGE", description = "The second photo.")
    private Path second;

    @Mixin
    private FaceModelsOption models;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        FaceAnalyzer analyzer = models.load(out);
        Face a = bestFace(analyzer, first), b = bestFace(analyzer, second);
        double distance = FaceRecognitionNet.distance(a.descriptor(), b.descriptor());
        boolean same = distance < FaceRecognitionNet.SAME_PERSON_THRESHOLD;
        out.printf(Locale.ROOT, "distance %.3f %s %.1f: %s%n", distance, same ? "<" : ">=", FaceRecognitionNet.SAME_PERSON_THRESHOLD,
                same ? "the same person" : "different people");
        return 0;
    }

    private Face bestFace(FaceAnalyzer analyzer, Path photo) throws IOException {
        List<Face> faces = analyzer.analyze(RgbImage.read(photo), models.score());
        if (faces.isEmpty()) {
            throw new IOException("no face found in " + photo + " (at --score " + models.score() + "; a lower score such as 0.3 finds less certain faces)");
        }
        return faces.get(0);
    }
}
