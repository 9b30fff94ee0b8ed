package dev.masquerade.voice.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masquerade.nn.io.Charts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The bottleneck lesson in one picture: voice swap runs of several code widths (and decoder
 * designs), their conversions' MCD against the target's own renderings and against the
 * source's, and how many still say their sentence. Where the MCD against the source falls below
 * the one against the target, the conversion is nearer the source's voice than the target's: the
 * code has let the source through. Where the content match falls, the code is too narrow for
 * the words.
 */
public final class BottleneckSweep {
    private BottleneckSweep() {
    }

    /**
     * One run, as its metrics.json records it.
     *
     * @param folder      the run folder
     * @param speakers    "A → B", as the run names them
     * @param steps       training steps
     * @param width       channels of the hidden layers
     * @param code        channels of the code
     * @param decoders    per-speaker or shared
     * @param mcdDb       conversions against the target's renderings
     * @param sourceMcdDb conversions against the source's renderings
     * @param baselineDb  the source against the target, unconverted
     * @param contentMatch the fraction of conversions DTW-closest to their own sentence
     * @param asTarget    the fraction the speaker classifier hears as the target (NaN without one)
     */
    public record Run(Path folder, String speakers, int steps, int width, int code, String decoders, double mcdDb, double sourceMcdDb,
                      double baselineDb, double contentMatch, double asTarget) {
        /** Reads a finished 'masquerade voice train' run whose held-out sentences were measured, or one line saying why it cannot. */
        public static Run read(Path folder) throws IOException {
            Path metrics = folder.resolve("metrics.json");
            if (!Files.isRegularFile(metrics)) {
                throw new IOException(folder + (Files.isRegularFile(folder) ? " is a file" : " has no metrics.json")
                        + ": pass the folders of finished 'masquerade voice train' runs");
            }
            JsonNode m = new ObjectMapper().readTree(metrics.toFile());
            if (!m.has("code") || !m.has("steps")) {
                throw new IOException(metrics + " is not a voice swap run's: pass the folders of finished 'masquerade voice train' runs");
            }
            if (!m.has("mcd_db") || !m.has("source_mcd_db")) {
                throw new IOException(metrics + " has no mcd_db or source_mcd_db: its run had no held-out sentences both speakers said (two"
                        + " flite voices, or held-out/ folders), or was trained by an older version");
            }
            return new Run(folder, m.path("a").asText("?") + " → " + m.path("b").asText("?"), m.get("steps").asInt(), m.path("width").asInt(),
                    m.get("code").asInt(), m.path("decoders").asText("per-speaker"), m.get("mcd_db").asDouble(),
                    m.get("source_mcd_db").asDouble(), m.get("baseline_mcd_db").asDouble(), m.get("content_match").asDouble(),
                    m.path("as_target").asDouble(Double.NaN));
        }

        /** What must be the same for two runs' distances to compare: the speakers, the steps and the width. */
        public String setting() {
            return speakers + ", " + steps + " steps, width " + width;
        }

        /** Whether the conversions are nearer the source's voice than the target's. */
        public boolean leaks() {
            return sourceMcdDb < mcdDb;
        }
    }

    /**
     * Above, MCD against code width (a log scale), one pair of lines (to the target, to the
     * source) per decoder design; below, the content match.
     */
    public static boolean writeChart(List<Run> runs, Path png) throws IOException {
        XYChart chart = chart("Whose voice do the conversions have?", "MCD of the conversions (dB)", 450);
        XYChart content = chart("Do they still say their sentence?", "content match", 300);
        content.getStyler().setYAxisMax(1.0);
        Color[] colours = {new Color(40, 90, 200), new Color(220, 110, 20)};
        List<String> designs = runs.stream().map(Run::decoders).distinct().sorted().toList();
        for (int d = 0; d < designs.size(); d++) {
            String design = designs.get(d);
            List<Run> mine = runs.stream().filter(r -> r.decoders().equals(design)).sorted(Comparator.comparingInt(Run::code)).toList();
            double[] codes = mine.stream().mapToDouble(Run::code).toArray();
            Color colour = colours[d % colours.length];
            style(chart.addSeries(design + " decoders: against the target (B)", codes, mine.stream().mapToDouble(Run::mcdDb).toArray()),
                    colour, SeriesMarkers.CIRCLE, new BasicStroke(2f));
            style(chart.addSeries(design + " decoders: against the source (A)", codes, mine.stream().mapToDouble(Run::sourceMcdDb).toArray()),
                    colour, SeriesMarkers.SQUARE, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            style(content.addSeries(design + " decoders", codes, mine.stream().mapToDouble(Run::contentMatch).toArray()), colour,
                    SeriesMarkers.CIRCLE, new BasicStroke(2f));
        }
        double[] span = {runs.stream().mapToInt(Run::code).min().orElse(1), runs.stream().mapToInt(Run::code).max().orElse(1)};
        double baseline = runs.stream().mapToDouble(Run::baselineDb).average().orElse(0);
        style(chart.addSeries("A unconverted, against B", span, new double[] {baseline, baseline}), Color.GRAY, SeriesMarkers.NONE,
                new BasicStroke(1f));
        return Charts.write(png, chart, content);
    }

    private static XYChart chart(String title, String yTitle, int height) {
        XYChart chart = new XYChartBuilder().width(800).height(height).title(title)
                .xAxisTitle("channels of the shared code (at half the frame rate)").yAxisTitle(yTitle).build();
        chart.getStyler().setXAxisLogarithmic(true).setYAxisMin(0.0).setMarkerSize(8);
        return chart;
    }

    private static void style(XYSeries series, Color colour, Marker marker, BasicStroke stroke) {
        series.setMarker(marker);
        series.setLineColor(colour);
        series.setMarkerColor(colour);
        series.setLineStyle(stroke);
    }
}
