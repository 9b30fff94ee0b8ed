package dev.masquerade.benchmarks;

import dev.masquerade.faces.Detection;
import dev.masquerade.faces.FaceAnalyzer;
import dev.masquerade.faces.FaceApiModels;
import dev.masquerade.faces.RgbImage;
import dev.masquerade.faces.TinyFaceDetector;
import java.io.IOException;
import java.nio.file.Path;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * face-api's networks on the engine, timed as faces/reference/reference.mjs times face-api on
 * TF.js: the detector (416) plus the landmarks of the best face, per picture, and the
 * descriptor of one aligned face. Needs scripts/fetch-face-models.sh and scripts/fetch-photos.sh
 * (or {@code -p photo=PATH}).
 */
@State(Scope.Benchmark)
public class FaceNetworks extends EngineBenchmark {
    @Param({""})
    public String photo;
    private FaceAnalyzer analyzer;
    private RgbImage image;
    private RgbImage alignedFace;

    @Setup
    public void setUp() throws IOException {
        Path file = photo.isEmpty() ? FaceApiModels.cacheFolder().resolve("photos/astronaut.png") : Path.of(photo);
        analyzer = FaceAnalyzer.load(FaceApiModels.defaultFolder());
        image = RgbImage.read(file);
        var faces = analyzer.analyze(image, TinyFaceDetector.SCORE_THRESHOLD);
        if (faces.isEmpty()) {
            throw new IllegalStateException("no face in " + file);
        }
        alignedFace = analyzer.alignedFace(image, faces.get(0).landmarks());
    }

    @Benchmark
    public double detectorAndLandmarks() {
        Detection best = analyzer.detector().detect(image, TinyFaceDetector.SCORE_THRESHOLD).get(0);
        return analyzer.landmarks(image, best)[0][0];
    }

    @Benchmark
    public float descriptor() {
        return analyzer.recognitionNet().descriptor(alignedFace)[0];
    }
}
