package dev.masquerade.tutorials;

import dev.masquerade.detection.fourier.Fft;
import dev.masquerade.nn.io.Charts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Chapter 27, the discrete Fourier transform and the FFT: what the radix-2 split saves, the
 * length Bluestein's chirp pads to, and why doubling a signal's length leaves a mirror image of
 * its spectrum at the high frequencies, which only the upsampling's kernel can damp.
 */
public final class FourierChapter extends Chapter {
    /** Length of the smooth 1-d signal the chapter doubles. */
    static final int N = 16;

    public FourierChapter() {
        super(27, "The discrete Fourier transform and the FFT", "27-fourier.md");
    }

    /** A smooth bump of N samples: nearly all of its energy at low frequencies, as a photograph's. */
    static double[] bump() {
        double[] x = new double[N];
        for (int n = 0; n < N; n++) {
            x[n] = Math.exp(-(n - N / 2.0) * (n - N / 2.0) / 8);
        }
        return x;
    }

    // snippet: upsample
    /**
     * The signal doubled in length: zeros inserted between its samples (x[n] goes to 2n), then a
     * circular convolution with {@code kernel}, whose middle tap sits on the sample. {1} leaves
     * the zeros, {0, 1, 1} repeats each sample (nearest neighbour), {½, 1, ½} interpolates
     * linearly.
     */
    static double[] upsampled(double[] x, double[] kernel) {
        int m = 2 * x.length, half = kernel.length / 2;
        double[] y = new double[m];
        for (int n = 0; n < x.length; n++) {
            for (int t = 0; t < kernel.length; t++) {
                y[Math.floorMod(2 * n + t - half, m)] += kernel[t] * x[n];
            }
        }
        return y;
    }
    // end snippet

    /** |Y[k]|² of a signal, k = 0 … length − 1. */
    static double[] power(double[] y) {
        double[] re = y.clone(), im = new double[y.length];
        Fft.forward(re, im);
        double[] power = new double[y.length];
        for (int k = 0; k < y.length; k++) {
            power[k] = re[k] * re[k] + im[k] * im[k];
        }
        return power;
    }

    /** The share of a doubled signal's energy in the band of its mirror image: frequencies N/2 to 3N/2 of the 2N. */
    static double imageShare(double[] y) {
        double[] power = power(y);
        double image = 0, total = 0;
        for (int k = 0; k < power.length; k++) {
            total += power[k];
            if (k >= power.length / 4 && k < 3 * power.length / 4) {
                image += power[k];
            }
        }
        return image / total;
    }

    static final double[] ZEROS = {1}, NEAREST = {0, 1, 1}, LINEAR = {0.5, 1, 0.5};

    @Override
    public Map<String, Double> numbers() {
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("direct 1024", 1024.0 * 1024);
        numbers.put("butterflies 1024", 1024 / 2.0 * 10);
        numbers.put("speed-up 1024", 1024.0 * 1024 / (1024 / 2.0 * 10));
        numbers.put("bluestein 28", (double) (Integer.highestOneBit(2 * 28 - 1) << 1));
        numbers.put("share zeros", imageShare(upsampled(bump(), ZEROS)));
        numbers.put("share nearest", imageShare(upsampled(bump(), NEAREST)));
        numbers.put("share linear", imageShare(upsampled(bump(), LINEAR)));
        return numbers;
    }

    @Override
    public List<Path> writeFigures(Path folder) throws IOException {
        Path png = folder.resolve("27-doubled-spectra.png");
        XYChart chart = new XYChartBuilder().width(760).height(420).title("A smooth bump of 16 samples, doubled to 32: its power spectrum")
                .xAxisTitle("frequency k of 32 (16 = the new Nyquist frequency)").yAxisTitle("power |Y[k]|² (dB)").build();
        Map<String, double[]> kernels = new LinkedHashMap<>();
        kernels.put("zeros inserted: the spectrum repeats", ZEROS);
        kernels.put("nearest neighbour {1, 1}", NEAREST);
        kernels.put("linear {½, 1, ½}", LINEAR);
        kernels.forEach((name, kernel) -> {
            double[] power = power(upsampled(bump(), kernel));
            double[] k = new double[power.length], db = new double[power.length];
            for (int i = 0; i < power.length; i++) {
                k[i] = i;
                db[i] = 10 * Math.log10(power[i] + 1e-12);
            }
            chart.addSeries(name, k, db).setMarker(SeriesMarkers.CIRCLE);
        });
        Charts.write(png, chart);
        return List.of(png);
    }
}
