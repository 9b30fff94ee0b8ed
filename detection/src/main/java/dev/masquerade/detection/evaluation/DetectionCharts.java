package dev.masquerade.detection.evaluation;

import dev.masquerade.nn.io.Charts;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The pictures of a detection run: ROC curves, and the mean spectrum curves of real and fake pictures. */
public final class DetectionCharts {
    private DetectionCharts() {
    }

    /** ROC curves, one per entry (its name → its curve), over the diagonal of a detector that guesses. */
    public static void writeRoc(Map<String, Roc> curves, String title, Path png) throws IOException {
        XYChart chart = new XYChartBuilder().width(560).height(560).title(title).xAxisTitle("false positive rate (real called fake)")
                .yAxisTitle("true positive rate (fakes caught)").build();
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setXAxisDecimalPattern("0.0").setYAxisDecimalPattern("0.0");
        chart.addSeries("guessing (AUC 0.5)", new double[] {0, 1}, new double[] {0, 1}).setMarker(SeriesMarkers.NONE)
                .setLineColor(Color.LIGHT_GRAY);
        curves.forEach((name, roc) -> chart.addSeries(String.format(Locale.ROOT, "%s (AUC %.3f)", name, roc.auc()),
                roc.falsePositiveRates(), roc.truePositiveRates()).setMarker(SeriesMarkers.NONE));
        Charts.write(png, chart);
    }

    /**
     * Mean spectrum curves (decibels against the frequency, 0 at the picture's mean brightness,
     * 1 at the corner of its spectrum), one per entry.
     */
    public static void writeSpectra(Map<String, double[]> meanCurves, String title, Path png) throws IOException {
        XYChart chart = new XYChartBuilder().width(720).height(480).title(title)
                .xAxisTitle("spatial frequency (0 = mean brightness, 1 = the spectrum's corner)").yAxisTitle("mean log power (dB)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setXAxisDecimalPattern("0.0").setXAxisMin(0.0).setXAxisMax(1.0);
        meanCurves.forEach((name, curve) -> {
            double[] frequency = new double[curve.length];
            for (int i = 0; i < curve.length; i++) {
                frequency[i] = curve.length == 1 ? 0 : (double) i / (curve.length - 1);
            }
            chart.addSeries(name, frequency, curve).setMarker(SeriesMarkers.NONE);
        });
        Charts.write(png, chart);
    }
}
