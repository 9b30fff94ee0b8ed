package dev.masquerade.nn.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.masquerade.nn.io.AtomicFiles;
import dev.masquerade.nn.io.Charts;
import dev.masquerade.nn.io.Checkpoint;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * What a training run leaves in its folder: {@code metrics.jsonl} (one JSON object per logged
 * step or epoch, written as training goes), a loss curve as PNG and, at the end,
 * {@code metrics.json} with the summary.
 */
public final class TrainingLog implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path folder;
    private final BufferedWriter lines;
    private final RunLock lock;
    private final List<Double> steps = new ArrayList<>();
    private final List<Double> losses = new ArrayList<>();

    /**
     * Opens (creating) the run folder for a new run: an earlier run there is replaced, its
     * metrics.jsonl, metrics.json and checkpoint.json (with its data) removed, so that no
     * command later mistakes the earlier run's checkpoint or summary for this run's.
     */
    public TrainingLog(Path folder) throws IOException {
        this(folder, false);
    }

    /**
     * Opens (creating) the run folder and holds it for this run until {@link #close} (a second
     * run in the same folder is refused); a resumed run appends to its metrics.jsonl instead of
     * replacing it.
     */
    public TrainingLog(Path folder, boolean resumed) throws IOException {
        this.folder = Files.createDirectories(folder);
        this.lock = RunLock.acquire(folder); // before anything in the folder is touched
        try {
            if (!resumed) {
                Checkpoint.delete(folder.resolve("checkpoint.json"));
                Files.deleteIfExists(folder.resolve("metrics.json"));
            }
            this.lines = Files.newBufferedWriter(folder.resolve("metrics.jsonl"), StandardOpenOption.CREATE,
                    resumed ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Drops from {@code folder}'s metrics.jsonl every record after {@code step}, and a last line
     * cut short by a kill: a run resumed from its checkpoint at {@code step} does the later steps
     * again, and they must not be logged (or plotted) twice. Rewritten atomically.
     */
    public static void keepUpTo(Path folder, long step) throws IOException {
        Path file = folder.resolve("metrics.jsonl");
        if (!Files.exists(file)) {
            return;
        }
        try (RunLock lock = RunLock.acquire(folder)) { // never under a run that is still writing it
            rewrite(file, step);
        }
    }

    private static void rewrite(Path file, long step) throws IOException {
        StringBuilder kept = new StringBuilder();
        for (JsonNode record : read(file)) {
            if (!record.has("step") || record.get("step").asLong() <= step) {
                kept.append(JSON.writeValueAsString(record)).append('\n');
            }
        }
        AtomicFiles.write(file, kept.toString());
    }

    /**
     * The records of a metrics.jsonl, one per line. A last line that is not JSON is what a kill
     * leaves half-written, and is left out; any other line that is not JSON is an error naming the
     * file and the line.
     */
    public static List<JsonNode> read(Path metricsJsonl) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(metricsJsonl);
        } catch (CharacterCodingException e) {
            throw new IOException(metricsJsonl + " is not a text log (it holds binary data: was it overwritten by a picture?)", e);
        }
        List<JsonNode> records = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            try {
                JsonNode record = JSON.readTree(lines.get(i));
                if (record != null) { // a blank line
                    records.add(record);
                }
            } catch (JsonProcessingException e) {
                if (i < lines.size() - 1) {
                    throw new IOException(metricsJsonl + " line " + (i + 1) + " is not a JSON record (cut short, or edited?);"
                            + " restore the file, or remove that line");
                }
            }
        }
        return records;
    }

    /** The default folder of a command's run: {@code runs/<command>-<timestamp>}. */
    public static Path defaultFolder(String command) {
        return Path.of("runs", command + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    /** The run's folder. */
    public Path folder() {
        return folder;
    }

    /** Records the loss of one training step. */
    public void step(int epoch, long step, double loss) {
        step(epoch, step, loss, Map.of());
    }

    /** Records the loss of one training step and any other values of it (the loss of each part, say). */
    public void step(int epoch, long step, double loss, Map<String, Object> values) {
        steps.add((double) step);
        losses.add(loss);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("epoch", epoch);
        record.put("step", step);
        record.put("loss", loss);
        record.putAll(values);
        write(record);
    }

    /** Records any values at the end of an epoch (e.g. test accuracy). */
    public void epoch(int epoch, Map<String, Object> values) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("epoch_end", epoch);
        record.putAll(values);
        write(record);
    }

    /** Records measurements taken during training, after step {@code step} (e.g. a held-out metric). */
    public void evaluation(long step, Map<String, Object> values) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("evaluated_after_step", step);
        record.putAll(values);
        write(record);
    }

    private void write(Map<String, Object> record) {
        try {
            lines.write(JSON.writeValueAsString(record));
            lines.newLine();
            lines.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder.resolve("metrics.jsonl"), e);
        }
    }

    /**
     * Draws the training loss per step (and its running mean) into {@code fileName} (a PNG) in the
     * run folder; false where this machine cannot draw charts (see {@link Charts}).
     */
    public boolean writeLossCurve(String title, String fileName) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(500).title(title).xAxisTitle("step").yAxisTitle("loss").build();
        chart.getStyler().setMarkerSize(0);
        if (!steps.isEmpty()) {
            chart.addSeries("loss", steps, losses).setMarker(SeriesMarkers.NONE);
            chart.addSeries("running mean (100 steps)", steps, runningMean(losses, 100)).setMarker(SeriesMarkers.NONE);
        }
        return Charts.write(folder.resolve(fileName), chart);
    }

    /** Writes the summary {@code metrics.json} (atomically). */
    public Path writeSummary(Map<String, Object> summary) throws IOException {
        Path file = folder.resolve("metrics.json");
        AtomicFiles.write(file, JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(summary));
        return file;
    }

    /** The mean of each value and the window − 1 values before it (fewer at the start). */
    public static List<Double> runningMean(List<Double> values, int window) {
        List<Double> out = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < values.size(); i++) {
            sum += values.get(i);
            if (i >= window) {
                sum -= values.get(i - window);
            }
            out.add(sum / Math.min(i + 1, window));
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        try {
            lines.close();
        } finally {
            lock.close();
        }
    }
}
