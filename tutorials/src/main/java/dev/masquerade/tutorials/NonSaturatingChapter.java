package dev.masquerade.tutorials;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.gan.GanLoss;
import dev.masquerade.nn.io.Charts;
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
 * Chapter 14, the non-saturating generator loss: the generator's gradient with respect to
 * the discriminator's logit f, for both losses, computed by the engine's autograd through
 * {@link GanLoss}, at the D(G(z)) = σ(f) that early training sees.
 */
public final class NonSaturatingChapter extends Chapter {
    /** D(G(z)) early in training: the discriminator rejects the fakes with 99% confidence. */
    static final double EARLY = 0.01;
    /** D(G(z)) once the generator fools the discriminator half the time. */
    static final double EVEN = 0.5;

    public NonSaturatingChapter() {
        super(14, "The non-saturating generator loss", "14-nonsaturating.md");
    }

    // snippet: gradient
    /** d(generator loss)/df for one fake whose discriminator output is D(G(z)) = σ(f) = d. */
    static double generatorGradient(GanLoss loss, double d) {
        double logit = Math.log(d / (1 - d));                   // f = σ⁻¹(d)
        Tensor f = Tensor.of(new double[] {logit}, DType.F64, Device.CPU, 1, 1).requiresGrad(true);
        loss.generator(f).backward();                           // the engine's autograd, not the formula
        return f.grad().item();
    }
    // end snippet

    @Override
    public Map<String, Double> numbers() {
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("logit early", Math.log(EARLY / (1 - EARLY)));
        numbers.put("minimax early", generatorGradient(GanLoss.MINIMAX, EARLY));
        numbers.put("nonsaturating early", generatorGradient(GanLoss.NONSATURATING, EARLY));
        numbers.put("ratio early", generatorGradient(GanLoss.NONSATURATING, EARLY) / generatorGradient(GanLoss.MINIMAX, EARLY));
        numbers.put("minimax even", generatorGradient(GanLoss.MINIMAX, EVEN));
        numbers.put("nonsaturating even", generatorGradient(GanLoss.NONSATURATING, EVEN));
        numbers.put("minimax loss early", Math.log(1 - EARLY));
        numbers.put("nonsaturating loss early", -Math.log(EARLY));
        return numbers;
    }

    /** The figure of both gradients: 14-generator-gradients.png. */
    @Override
    public List<Path> writeFigures(Path folder) throws IOException {
        return List.of(writePlot(folder.resolve("14-generator-gradients.png")));
    }

    /** Both gradients against D(G(z)) from 0.001 to 0.999, drawn by the engine's autograd. */
    static Path writePlot(Path png) throws IOException {
        List<Double> d = new ArrayList<>(), minimax = new ArrayList<>(), nonSaturating = new ArrayList<>();
        for (int i = 1; i < 1000; i++) {
            d.add(i / 1000.0);
            minimax.add(generatorGradient(GanLoss.MINIMAX, i / 1000.0));
            nonSaturating.add(generatorGradient(GanLoss.NONSATURATING, i / 1000.0));
        }
        XYChart chart = new XYChartBuilder().width(800).height(450).title("The generator's gradient with respect to the logit f")
                .xAxisTitle("D(G(z)) = σ(f)").yAxisTitle("d loss / d f").build();
        chart.getStyler().setMarkerSize(0);
        chart.addSeries("minimax: log(1 − D(G(z)))", d, minimax).setMarker(SeriesMarkers.NONE);
        chart.addSeries("non-saturating: −log D(G(z))", d, nonSaturating).setMarker(SeriesMarkers.NONE);
        Charts.write(png, chart);
        return png;
    }
}
