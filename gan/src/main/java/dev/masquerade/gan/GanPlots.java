package dev.masquerade.gan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.io.Charts;
import dev.masquerade.nn.train.TrainingLog;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The pictures of a GAN run: loss and discriminator-output curves, and scatter plots of 2-d samples. */
public final class GanPlots {
    private static final int WIDTH = 900;

    private GanPlots() {
    }

    /** Per-step series of a run, in step order. */
    public static final class Curves {
        final List<Double> steps = new ArrayList<>();
        final List<Double> discriminatorLoss = new ArrayList<>();
        final List<Double> generatorLoss = new ArrayList<>();
        final List<Double> dReal = new ArrayList<>();
        final List<Double> dFake = new ArrayList<>();

        /** Adds one step. */
        public void add(long step, GanTrainer.StepReport report) {
            add(step, report.discriminatorLoss(), report.generatorLoss(), report.dReal(), report.dFakeBefore());
        }

        private void add(double step, double dLoss, double gLoss, double real, double fake) {
            steps.add(step);
            discriminatorLoss.add(dLoss);
            generatorLoss.add(gLoss);
            dReal.add(real);
            dFake.add(fake);
        }

        /** The steps a run logged in its metrics.jsonl, so that a resumed run's curves start at step 1. */
        public static Curves read(Path metricsJsonl) throws IOException {
            Curves curves = new Curves();
            for (JsonNode record : TrainingLog.read(metricsJsonl)) {
                if (record.has("d_loss")) {
                    curves.add(record.get("step").asDouble(), record.get("d_loss").asDouble(), record.get("g_loss").asDouble(),
                            record.get("d_real").asDouble(), record.get("d_fake_before").asDouble());
                }
            }
            return curves;
        }
    }

    /**
     * loss.png: above, the discriminator's and the generator's loss; below, D(x) and D(G(z)).
     * Each as a running mean over 50 steps, so that trends show through the noise of single batches.
     */
    public static void writeCurves(Curves curves, String title, Path png) throws IOException {
        XYChart losses = chart(title + ": losses (running mean of 50 steps)", "loss");
        XYChart outputs = chart("What the discriminator says (running mean of 50 steps)", "D output");
        if (!curves.steps.isEmpty()) {
            line(losses, "discriminator loss", curves.steps, curves.discriminatorLoss);
            line(losses, "generator loss", curves.steps, curves.generatorLoss);
            line(outputs, "D(x), real", curves.steps, curves.dReal);
            line(outputs, "D(G(z)), fake", curves.steps, curves.dFake);
        }
        Charts.write(png, losses, outputs);
    }

    /**
     * Several runs side by side (by their metrics.jsonl): above, the length of the generator's
     * gradient; below, D(G(z)), over the first {@code steps} steps of each, raw (no running
     * mean), because the interesting part is the start. The minimax loss's vanishing gradient
     * shows as a flat line near zero while D(G(z)) is near zero too.
     */
    public static void writeComparison(Map<String, Path> runs, int steps, Path png) throws IOException {
        XYChart gradients = chart("Length of the generator's gradient, first " + steps + " steps", "|grad G|");
        XYChart outputs = chart("D(G(z)) before the generator's step", "D(G(z))");
        for (Map.Entry<String, Path> run : runs.entrySet()) {
            List<Double> x = new ArrayList<>(), norm = new ArrayList<>(), fake = new ArrayList<>();
            Path metrics = run.getValue().resolve("metrics.jsonl");
            if (!Files.exists(metrics)) {
                throw new IOException(run.getValue() + " is not the folder of a 'masquerade gan train' run: it has no metrics.jsonl");
            }
            for (JsonNode record : TrainingLog.read(metrics)) {
                if (record.has("g_grad_norm") && record.get("step").asInt() <= steps) {
                    x.add(record.get("step").asDouble());
                    norm.add(record.get("g_grad_norm").asDouble());
                    fake.add(record.get("d_fake_before").asDouble());
                }
            }
            if (x.isEmpty()) {
                throw new IOException(run.getValue().resolve("metrics.jsonl") + " has no generator steps: is it the folder of a 'masquerade gan train' run?");
            }
            gradients.addSeries(run.getKey(), x, norm).setMarker(SeriesMarkers.NONE);
            outputs.addSeries(run.getKey(), x, fake).setMarker(SeriesMarkers.NONE);
        }
        Charts.write(png, gradients, outputs);
    }

    /**
     * Curves of values a run logged per step in its metrics.jsonl, one chart per entry of
     * {@code panels} (its title → the logged names drawn in it), each a running mean of 50 steps.
     * Translation runs draw their loss terms this way.
     */
    public static void writeLogged(Path metricsJsonl, Map<String, List<String>> panels, Path png) throws IOException {
        List<JsonNode> records = TrainingLog.read(metricsJsonl).stream().filter(r -> r.has("step")).toList();
        List<XYChart> charts = new ArrayList<>();
        for (Map.Entry<String, List<String>> panel : panels.entrySet()) {
            XYChart chart = chart(panel.getKey() + " (running mean of 50 steps)", "value");
            for (String name : panel.getValue()) {
                List<Double> steps = new ArrayList<>(), values = new ArrayList<>();
                for (JsonNode record : records) {
                    if (record.has(name)) {
                        steps.add(record.get("step").asDouble());
                        values.add(record.get(name).asDouble());
                    }
                }
                if (!steps.isEmpty()) {
                    line(chart, name, steps, values);
                }
            }
            charts.add(chart);
        }
        Charts.write(png, charts.toArray(XYChart[]::new));
    }

    /** A scatter plot of real (grey) and generated (red) 2-d points [n, 2]. */
    public static void writeScatter(Tensor real, Tensor fake, String title, Path png) throws IOException {
        XYChart chart = new XYChartBuilder().width(600).height(600).title(title).xAxisTitle("x").yAxisTitle("y").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(3);
        chart.getStyler().setXAxisMin(-3.0).setXAxisMax(3.0).setYAxisMin(-3.0).setYAxisMax(3.0);
        scatter(chart, "real", real, new Color(150, 150, 150));
        scatter(chart, "generated", fake, new Color(220, 40, 40));
        Charts.write(png, chart);
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(350).title(title).xAxisTitle("step").yAxisTitle(yTitle).build();
        chart.getStyler().setMarkerSize(0);
        return chart;
    }

    private static void line(XYChart chart, String name, List<Double> steps, List<Double> values) {
        chart.addSeries(name, steps, TrainingLog.runningMean(values, 50)).setMarker(SeriesMarkers.NONE);
    }

    private static void scatter(XYChart chart, String name, Tensor points, Color colour) {
        float[] p = points.toFloatArray();
        double[] x = new double[points.size(0)];
        double[] y = new double[points.size(0)];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.max(-3, Math.min(3, p[2 * i])); // points far off the ring are drawn on the border
            y[i] = Math.max(-3, Math.min(3, p[2 * i + 1]));
        }
        chart.addSeries(name, x, y).setMarkerColor(colour).setMarker(SeriesMarkers.CIRCLE);
    }
}
