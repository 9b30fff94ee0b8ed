package dev.masquerade.detection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.masquerade.detection.evaluation.DetectionCharts;
import dev.masquerade.detection.evaluation.Fingerprints;
import dev.masquerade.detection.sources.PictureSource;
import dev.masquerade.detection.sources.Split;
import dev.masquerade.detection.spectrum.SpectrumDetector;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Upsampling leaves fingerprints: the mean spectra of several sources (real pictures first,
 * then generators that upsample by transposed convolution, by resize-then-convolve, by pixel
 * shuffle) drawn side by side ({@code fingerprints.png}), their azimuthal curves
 * ({@code spectra.png}), and in {@code metrics.json} how much louder or quieter each is than
 * the first at the highest quarter of frequencies.
 */
public final class SpectraExperiment {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int POINTS = 32;

    private SpectraExperiment() {
    }

    /** Draws and measures up to {@code count} held-out pictures of each source; returns what metrics.json holds. */
    public static Map<String, Object> run(List<PictureSource> sources, int count, Path out) throws IOException {
        long started = System.nanoTime();
        Sources.requireDistinctNames(sources);
        Map<String, double[]> spectra = new LinkedHashMap<>(), curves = new LinkedHashMap<>();
        Map<String, Object> counts = new LinkedHashMap<>();
        int h = 0, w = 0;
        for (PictureSource source : sources) {
            List<Tensor> pictures = DetectionRun.nonEmpty(source, Split.HELD_OUT, count);
            if (spectra.isEmpty()) {
                h = pictures.get(0).size(1);
                w = pictures.get(0).size(2);
            }
            for (Tensor picture : pictures) {
                if (picture.size(1) != h || picture.size(2) != w) {
                    throw new IOException("spectra are compared at one size: " + source.description() + " has a " + picture.size(1) + " x "
                            + picture.size(2) + " picture, " + sources.get(0).description() + " " + h + " x " + w + " ones; resize them all"
                            + " to one size first");
                }
            }
            spectra.put(source.description(), Fingerprints.meanSpectrum(pictures));
            counts.put(source.description(), pictures.size());
            curves.put(source.description(), SpectrumDetector.spectra(pictures, POINTS).mean(new int[] {0}, false).toDoubleArray());
        }
        Files.createDirectories(out);
        Fingerprints.write(spectra, h, w, out.resolve("fingerprints.png"));
        DetectionCharts.writeSpectra(curves, "mean spectra, held-out pictures", out.resolve("spectra.png"));
        Map<String, Object> highFrequency = new LinkedHashMap<>();
        double[] reference = curves.values().iterator().next();
        curves.forEach((name, curve) -> highFrequency.put(name, topQuarter(curve) - topQuarter(reference)));
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("pictures", counts);
        metrics.put("high_frequency_db_above_first", highFrequency);
        metrics.put("seconds", (System.nanoTime() - started) / 1e9);
        AtomicFiles.write(out.resolve("metrics.json"), JSON.writeValueAsBytes(metrics));
        return metrics;
    }

    /** The mean of a curve's highest quarter of frequencies. */
    private static double topQuarter(double[] curve) {
        double sum = 0;
        int from = curve.length * 3 / 4;
        for (int i = from; i < curve.length; i++) {
            sum += curve[i];
        }
        return sum / (curve.length - from);
    }
}
