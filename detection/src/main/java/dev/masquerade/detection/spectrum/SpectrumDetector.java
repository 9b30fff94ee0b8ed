package dev.masquerade.detection.spectrum;

import dev.masquerade.detection.Detector;
import dev.masquerade.detection.fourier.RadialSpectrum;
import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.Module;
import dev.masquerade.nn.io.Checkpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The spectral detector: each picture's azimuthally averaged log power spectrum
 * ({@link RadialSpectrum}), each point of it standardised by the training pictures' mean and
 * standard deviation, then logistic regression. Thirty-two numbers per picture and as many
 * weights: the weights say which frequencies give a generator away.
 */
public final class SpectrumDetector extends Module implements Detector {
    /** The command-line name of the method. */
    public static final String METHOD = "spectrum";

    private final int points;
    private final LogisticRegression classifier;

    private SpectrumDetector(int points) {
        this.points = points;
        this.classifier = child("classifier", new LogisticRegression(points));
        buffer("mean", Tensor.zeros(DType.F64, Device.CPU, points));
        buffer("std", Tensor.ones(DType.F64, Device.CPU, points));
    }

    /** Settings of the fit: spectrum points per picture, Adam steps and rate, L2 weight. */
    public record Options(int points, int steps, double learningRate, double l2) {
        /** 32 points, 1,000 full-batch steps at 0.05, λ = 0.001. */
        public static final Options DEFAULT = new Options(32, 1000, 0.05, 1e-3);
    }

    /** Fits a detector to real and fake pictures. */
    public static SpectrumDetector train(List<Tensor> real, List<Tensor> fake, Options options) {
        SpectrumDetector detector = new SpectrumDetector(options.points());
        Tensor x = Tensor.concat(List.of(spectra(real, options.points()), spectra(fake, options.points())), 0);
        Tensor mean = x.mean(new int[] {0}, false);
        Tensor std = x.sub(mean).mul(x.sub(mean)).mean(new int[] {0}, false).sqrt().add(1e-8);
        detector.buffer("mean", mean);
        detector.buffer("std", std);
        double[] labels = new double[real.size() + fake.size()];
        java.util.Arrays.fill(labels, real.size(), labels.length, 1);
        detector.classifier.fit(detector.standardised(x), Tensor.of(labels, DType.F64, labels.length, 1), options.steps(),
                options.learningRate(), options.l2());
        return detector;
    }

    /** Each picture's spectrum curve: [N, points], in decibels. */
    public static Tensor spectra(List<Tensor> pictures, int points) {
        double[] all = new double[pictures.size() * points];
        for (int i = 0; i < pictures.size(); i++) {
            System.arraycopy(RadialSpectrum.features(pictures.get(i), points), 0, all, i * points, points);
        }
        return Tensor.of(all, DType.F64, pictures.size(), points);
    }

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public double[] probabilities(List<Tensor> pictures) {
        try (var scope = NoGrad.enter()) {
            return classifier.logits(standardised(spectra(pictures, points))).sigmoid().toDoubleArray();
        }
    }

    /** The weight of each spectrum point, from the lowest frequency to the highest. */
    public double[] weights() {
        return classifier.weights();
    }

    @Override
    public void save(Path folder) throws IOException {
        Checkpoint.save(folder.resolve(FILE), this, Map.of(), Map.of("method", METHOD, "points", points));
    }

    /** Restores a detector that {@link #save} wrote; {@code config} is its checkpoint's config. */
    public static SpectrumDetector load(Path folder, Map<String, Object> config) throws IOException {
        SpectrumDetector detector = new SpectrumDetector(((Number) config.get("points")).intValue());
        Checkpoint.loadInto(folder.resolve(FILE), detector, Map.of());
        return detector;
    }

    private Tensor standardised(Tensor x) {
        return x.sub(buffer("mean")).div(buffer("std"));
    }
}
