package dev.masquerade.tutorials;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.io.Charts;
import dev.masquerade.nn.loss.Losses;
import dev.masquerade.translation.models.PatchDiscriminator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Chapter 24, conditional GANs: pix2pix's objective, why it adds an L1 term (the best
 * prediction of an uncertain pixel under L2 is the mean of its possible values, under L1 their
 * median), and the PatchGAN's receptive field.
 */
public final class ConditionalGanChapter extends Chapter {
    /** One edge map, two possible truths for a pixel: 0.1 (dark leather) in 6 of 10 items, 0.9 (white canvas) in 4. */
    static final double[] TRUTHS = {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.9, 0.9, 0.9, 0.9};
    /** The same pixel when both are equally likely. */
    static final double[] EVEN = {0.1, 0.1, 0.1, 0.1, 0.1, 0.9, 0.9, 0.9, 0.9, 0.9};
    /** The predictions tried: 0, 0.001, …, 1. */
    static final int GRID = 1001;

    public ConditionalGanChapter() {
        super(24, "Conditional GANs and pix2pix", "24-conditional-gans.md");
    }

    // snippet: best
    /** The prediction p in [0, 1] (to 0.001) with the least loss over the possible truths, as the engine computes the loss. */
    static double bestPrediction(double[] truths, boolean l1) {
        Tensor y = Tensor.of(truths, DType.F64, Device.CPU, 1, truths.length);
        Tensor p = Tensor.of(grid(), DType.F64, Device.CPU, GRID, 1);           // every candidate at once: [GRID, 1]
        Tensor loss = l1 ? p.sub(y).abs().mean(new int[] {1}, false)            // broadcast to [GRID, truths]
                : p.sub(y).pow(2).mean(new int[] {1}, false);
        return grid()[(int) loss.argmin().item()];
    }
    // end snippet

    private static double[] grid() {
        double[] values = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            values[i] = i / (double) (GRID - 1);
        }
        return values;
    }

    /** The mean loss of the prediction p over the truths. */
    static double loss(double[] truths, double p, boolean l1) {
        Tensor y = Tensor.of(truths, DType.F64, Device.CPU, truths.length);
        Tensor prediction = Tensor.full(p, DType.F64, Device.CPU, truths.length);
        return (l1 ? Losses.l1(prediction, y) : Losses.mse(prediction, y)).item();
    }

    @Override
    public Map<String, Double> numbers() {
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("L2 best", bestPrediction(TRUTHS, false));
        numbers.put("L1 best", bestPrediction(TRUTHS, true));
        numbers.put("L2 loss at mean", loss(TRUTHS, 0.42, false));
        numbers.put("L1 loss at median", loss(TRUTHS, 0.1, true));
        numbers.put("L1 loss at mean", loss(TRUTHS, 0.42, true));
        numbers.put("even L1 at 0.1", loss(EVEN, 0.1, true));
        numbers.put("even L1 at 0.5", loss(EVEN, 0.5, true));
        numbers.put("even L1 at 0.9", loss(EVEN, 0.9, true));
        numbers.put("even L2 best", bestPrediction(EVEN, false));
        for (int layers = 1; layers <= 3; layers++) {
            numbers.put("receptive field " + layers, (double) PatchDiscriminator.receptiveField(layers));
        }
        numbers.put("logits at 256", (double) (256 / 8 - 2));
        return numbers;
    }

    @Override
    public List<Path> writeFigures(Path folder) throws IOException {
        Path png = folder.resolve("24-mean-or-median.png");
        List<Double> p = new ArrayList<>(), l2 = new ArrayList<>(), l1 = new ArrayList<>();
        for (double value : grid()) {
            p.add(value);
            l2.add(loss(TRUTHS, value, false));
            l1.add(loss(TRUTHS, value, true));
        }
        XYChart chart = new XYChartBuilder().width(800).height(420)
                .title("One pixel, two possible truths: the mean loss of each prediction")
                .xAxisTitle("predicted value p").yAxisTitle("mean loss over the truths").build();
        chart.getStyler().setMarkerSize(0);
        chart.addSeries("L2: (p − y)², least at the mean 0.42", p, l2).setMarker(SeriesMarkers.NONE);
        chart.addSeries("L1: |p − y|, least at the median 0.1", p, l1).setMarker(SeriesMarkers.NONE);
        Charts.write(png, chart);
        return List.of(png);
    }
}
