package dev.masquerade.tutorials;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import dev.masquerade.gan.GanLoss;
import dev.masquerade.gan.GanTrainer;
import dev.masquerade.gan.models.Dcgan28;
import dev.masquerade.nn.Initialisation;
import dev.masquerade.nn.Layer;
import dev.masquerade.nn.Module;
import dev.masquerade.nn.Parameter;
import dev.masquerade.nn.classify.FashionClassifier;
import dev.masquerade.nn.data.ArrayDataset;
import dev.masquerade.nn.data.FashionMnist;
import dev.masquerade.nn.io.Charts;
import dev.masquerade.nn.loss.Losses;
import dev.masquerade.nn.optim.Adam;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Chapter 23, initialisation: the DCGAN-28's weights under the layers' own initialisation and
 * under the DCGAN paper's N(0, 0.02), what each start does to the first steps of GAN training
 * on real Fashion-MNIST batches, the same comparison for the classifier, and the seed spread
 * of whole runs (measured by benchmarks/gan-parity.sh, in {@link SeedSpread}).
 */
public final class InitialisationChapter extends Chapter {
    /** Steps of the first-steps experiments: 40 batches of 64 real images, in order. */
    static final int STEPS = 40;
    /** Steps at the end of each experiment that the chapter averages over. */
    static final int LAST = 10;
    static final long SEED = 23;
    static final double LEARNING_RATE = 2e-4;
    static final Map<String, Initialisation> SCHEMES = new LinkedHashMap<>();
    private static final Map<String, Color> COLOURS = Map.of("default", new Color(0xD0, 0x50, 0x20), "paper", new Color(0x20, 0x60, 0xC0));

    static {
        SCHEMES.put("default", Initialisation.DEFAULT);
        SCHEMES.put("paper", Initialisation.PAPER);
    }
    private static Map<String, Double> computed;

    public InitialisationChapter() {
        super(23, "Initialisation", "23-initialisation.md");
    }

    /**
     * Per step of a GAN's first steps: D(x), D(G(z)) before G's update, and the length of G's
     * gradient; per weight tensor (G's three, then D's three), how far it moved relative to its
     * start: rms(W_end − W_start) / rms(W_start).
     */
    record FirstSteps(double[] dReal, double[] dFake, double[] generatorGradient, double[] relativeChange) {
    }

    /** DCGAN-28's two networks, built and then drawn again by {@code scheme}. */
    static List<Layer> dcgan(Initialisation scheme) {
        Rng rng = new Rng(SEED);
        Layer generator = Dcgan28.generator(rng.split());
        Layer discriminator = Dcgan28.discriminator(rng.split());
        Rng initialisation = rng.split();
        generator.initialise(scheme, initialisation);
        discriminator.initialise(scheme, initialisation);
        return List.of(generator, discriminator);
    }

    // snippet: first-steps
    /** DCGAN-28 from {@code scheme}'s weights, trained STEPS steps (non-saturating loss, Adam 2e-4, β₁ 0.5). */
    static FirstSteps firstSteps(Initialisation scheme, ArrayDataset real) {
        List<Layer> gan = dcgan(scheme);
        Layer generator = gan.get(0), discriminator = gan.get(1);
        GanTrainer trainer = new GanTrainer(generator, discriminator, new Adam(generator.parameters(), LEARNING_RATE, 0.5, 0.999),
                new Adam(discriminator.parameters(), LEARNING_RATE, 0.5, 0.999), GanLoss.NONSATURATING, 1, 0);
        Rng noise = new Rng(SEED + 1);
        IntFunction<Tensor> batch = inOrder(real);
        List<double[]> start = weights(gan);
        FirstSteps steps = new FirstSteps(new double[STEPS], new double[STEPS], new double[STEPS], new double[start.size()]);
        for (int s = 0; s < STEPS; s++) {
            int step = s;
            GanTrainer.StepReport report = trainer.step(() -> batch.apply(step).mul(2).sub(1), // [0, 1] → the tanh's [−1, 1]
                    n -> Tensor.randn(noise, n, Dcgan28.NOISE));
            steps.dReal[s] = report.dReal();
            steps.dFake[s] = report.dFakeBefore();
            steps.generatorGradient[s] = report.generatorGradientNorm();
        }
        List<double[]> end = weights(gan);
        for (int i = 0; i < start.size(); i++) {
            steps.relativeChange[i] = rms(difference(end.get(i), start.get(i))) / rms(start.get(i));
        }
        return steps;
    }
    // end snippet

    /** The classifier of chapter 4 from {@code scheme}'s weights, trained STEPS steps (Adam 1e-3); its loss per step. */
    static double[] classifierSteps(Initialisation scheme, ArrayDataset real) {
        FashionClassifier classifier = new FashionClassifier(new Rng(SEED));
        classifier.model().initialise(scheme, new Rng(SEED + 2));
        Adam adam = new Adam(classifier.model().parameters(), 1e-3, 0.9, 0.999);
        double[] losses = new double[STEPS];
        for (int s = 0; s < STEPS; s++) {
            ArrayDataset.Batch batch = real.batch(batchIndices(s), Device.CPU);
            adam.zeroGrad();
            Tensor loss = Losses.crossEntropy(classifier.logits(batch.features()), batch.labels());
            loss.backward();
            adam.step();
            losses[s] = loss.item();
        }
        return losses;
    }

    private static IntFunction<Tensor> inOrder(ArrayDataset real) {
        return s -> real.batch(batchIndices(s), Device.CPU).features();
    }

    private static int[] batchIndices(int step) {
        int[] indices = new int[64];
        for (int i = 0; i < 64; i++) {
            indices[i] = step * 64 + i;
        }
        return indices;
    }

    /** The values of every weight tensor (rank 2 or more; biases and batch-norm parameters left out) of the models, in order. */
    static List<double[]> weights(List<? extends Module> models) {
        return models.stream().flatMap(m -> m.parameters().stream()).map(Parameter::value).filter(w -> w.shape().length >= 2)
                .map(Tensor::toDoubleArray).toList();
    }

    private static double[] difference(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    static double rms(double[] values) {
        double squares = 0;
        for (double v : values) {
            squares += v * v;
        }
        return Math.sqrt(squares / values.length);
    }

    static double meanOfLast(double[] values) {
        double sum = 0;
        for (int s = values.length - LAST; s < values.length; s++) {
            sum += values[s];
        }
        return sum / LAST;
    }

    /** The share of pixels within 0.01 of the tanh's limits, −1 and 1. */
    static double saturated(double[] pixels) {
        return Arrays.stream(pixels).filter(v -> Math.abs(v) > 0.99).count() / (double) pixels.length;
    }

    /** The population standard deviation (n below: these are all the weights, not a sample of runs). */
    static double spread(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v / values.length;
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / values.length);
    }

    @Override
    public synchronized Map<String, Double> numbers() {
        if (computed == null) {
            computed = compute();
        }
        return computed;
    }

    /** The figure of both starts' first steps: 23-first-steps.png. */
    @Override
    public List<Path> writeFigures(Path folder) throws IOException {
        Path png = folder.resolve("23-first-steps.png");
        XYChart outputs = new XYChartBuilder().width(800).height(360).title("What the discriminator says, DCGAN-28's first " + STEPS
                + " steps").xAxisTitle("step").yAxisTitle("mean D(·) over the batch").build();
        XYChart gradients = new XYChartBuilder().width(800).height(360).title("Length of the generator's gradient").xAxisTitle("step")
                .yAxisTitle("‖∇G‖").build();
        List<Double> x = new ArrayList<>();
        for (int s = 1; s <= STEPS; s++) {
            x.add((double) s);
        }
        ArrayDataset real = firstImages();
        for (var scheme : SCHEMES.entrySet()) {
            FirstSteps steps = firstSteps(scheme.getValue(), real);
            Color colour = COLOURS.get(scheme.getKey());
            outputs.addSeries(scheme.getKey() + ": D(x)", x, boxed(steps.dReal)).setMarker(SeriesMarkers.NONE).setLineColor(colour);
            outputs.addSeries(scheme.getKey() + ": D(G(z))", x, boxed(steps.dFake)).setMarker(SeriesMarkers.NONE).setLineColor(colour)
                    .setLineStyle(SeriesLines.DASH_DASH);
            gradients.addSeries(scheme.getKey(), x, boxed(steps.generatorGradient)).setMarker(SeriesMarkers.NONE).setLineColor(colour);
        }
        Charts.write(png, outputs, gradients);
        return List.of(png);
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    /** The first STEPS batches of 64 Fashion-MNIST training images. */
    private static ArrayDataset firstImages() {
        try {
            return FashionMnist.train(Path.of(FashionMnist.DEFAULT_DIRECTORY)).head(64 * STEPS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Double> compute() {
        ArrayDataset real = firstImages();
        String[] layers = {"G linear", "G deconv 1", "G deconv 2", "D conv 1", "D conv 2", "D linear"};
        Map<String, Double> numbers = new LinkedHashMap<>();
        double[] realPixels = inOrder(real).apply(0).mul(2).sub(1).toDoubleArray();
        numbers.put("real spread", spread(realPixels));
        numbers.put("real saturated %", 100 * saturated(realPixels));
        for (var scheme : SCHEMES.entrySet()) {
            String name = scheme.getKey();
            List<Layer> gan = dcgan(scheme.getValue());
            List<double[]> weights = weights(gan);
            double[] fakes = gan.get(0).forward(Tensor.randn(new Rng(SEED + 3), 64, Dcgan28.NOISE)).toDoubleArray();
            numbers.put(name + " fake spread", spread(fakes));
            numbers.put(name + " fake saturated %", 100 * saturated(fakes));
            FirstSteps steps = firstSteps(scheme.getValue(), real);
            for (int i = 0; i < layers.length; i++) {
                numbers.put(name + " " + layers[i] + " spread", spread(weights.get(i)));
                numbers.put(name + " " + layers[i] + " moved", steps.relativeChange[i]);
                numbers.put(name + " " + layers[i] + " estimate", STEPS * LEARNING_RATE / spread(weights.get(i)));
            }
            numbers.put(name + " D(x) step 1", steps.dReal[0]);
            numbers.put(name + " D(G(z)) step 1", steps.dFake[0]);
            numbers.put(name + " gradient step 1", steps.generatorGradient[0]);
            numbers.put(name + " D(x) last", meanOfLast(steps.dReal));
            numbers.put(name + " D(G(z)) last", meanOfLast(steps.dFake));
            numbers.put(name + " gradient last", meanOfLast(steps.generatorGradient));
            numbers.put(name + " classifier loss last", meanOfLast(classifierSteps(scheme.getValue(), real)));
        }
        numbers.put("gradient ratio", numbers.get("paper gradient last") / numbers.get("default gradient last"));
        numbers.put("odds ratio", odds(numbers.get("paper D(G(z)) last")) / odds(numbers.get("default D(G(z)) last")));
        numbers.putAll(SeedSpread.numbers());
        return numbers;
    }

    private static double odds(double p) {
        return p / (1 - p);
    }
}
