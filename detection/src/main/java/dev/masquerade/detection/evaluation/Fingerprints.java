package dev.masquerade.detection.evaluation;

import dev.masquerade.detection.fourier.RadialSpectrum;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.io.AtomicFiles;
import java.awt.AWTError;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The average 2-d spectrum of each source's pictures, side by side: the picture in which an
 * upsampling's fingerprint shows as bright dots and lines at fractions of the sampling rate.
 * The top row is each source's mean log power (zero frequency in the middle, brighter is
 * louder, one scale for all); the bottom row is its difference from the first source's (red:
 * louder than the first, blue: quieter). Tutorial: tutorials/27-fourier.md.
 */
public final class Fingerprints {
    /** The side each panel is drawn at, about: small pictures' pixels are enlarged to blocks, large ones drawn 1:1. */
    private static final int PANEL = 224;
    private static final int CAPTION = 20;

    private Fingerprints() {
    }

    /** The mean centred log power spectrum (dB) of pictures that all have one size: [H × W] row by row. */
    public static double[] meanSpectrum(List<Tensor> pictures) {
        int h = pictures.get(0).size(1), w = pictures.get(0).size(2);
        double[] sum = new double[h * w];
        for (Tensor picture : pictures) {
            if (picture.size(1) != h || picture.size(2) != w) {
                throw new IllegalArgumentException("a mean spectrum needs pictures of one size, got " + h + " x " + w + " and "
                        + picture.size(1) + " x " + picture.size(2) + "; resize them all to one size first");
            }
            double[] spectrum = RadialSpectrum.logPower(RadialSpectrum.grey(picture), h, w);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += spectrum[i] / pictures.size();
            }
        }
        return sum;
    }

    /** Draws the mean spectra (each [h × w]; the first is the reference) into {@code png}, captioned by their names. */
    public static void write(Map<String, double[]> spectra, int h, int w, Path png) throws IOException {
        List<String> names = new ArrayList<>(spectra.keySet());
        List<double[]> values = new ArrayList<>(spectra.values());
        double low = Double.MAX_VALUE, high = -Double.MAX_VALUE, largestDifference = 1e-9;
        for (double[] spectrum : values) {
            for (int i = 0; i < spectrum.length; i++) {
                low = Math.min(low, spectrum[i]);
                high = Math.max(high, spectrum[i]);
                largestDifference = Math.max(largestDifference, Math.abs(spectrum[i] - values.get(0)[i]));
            }
        }
        int scale = Math.max(1, PANEL / Math.max(h, w));
        int panelWidth = w * scale, panelHeight = h * scale, gap = 6;
        BufferedImage picture = new BufferedImage(names.size() * (panelWidth + gap) + gap, 2 * (panelHeight + CAPTION + gap) + gap,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, picture.getWidth(), picture.getHeight());
        for (int s = 0; s < names.size(); s++) {
            int left = gap + s * (panelWidth + gap);
            double[] spectrum = values.get(s);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double level = (spectrum[y * w + x] - low) / Math.max(high - low, 1e-9);
                    double difference = (spectrum[y * w + x] - values.get(0)[y * w + x]) / largestDifference;
                    fill(picture, left + x * scale, gap + CAPTION + y * scale, scale, heat(level));
                    fill(picture, left + x * scale, 2 * gap + 2 * CAPTION + panelHeight + y * scale, scale, diverging(difference));
                }
            }
            caption(g, names.get(s), left, gap + CAPTION - 6);
            caption(g, s == 0 ? "difference from itself" : String.format("minus %s (±%.0f dB)", names.get(0), largestDifference), left,
                    2 * gap + 2 * CAPTION + panelHeight - 6);
        }
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(picture, "png", bytes);
        AtomicFiles.write(png, bytes.toByteArray());
    }

    private static void fill(BufferedImage picture, int left, int top, int scale, int rgb) {
        for (int dy = 0; dy < scale; dy++) {
            for (int dx = 0; dx < scale; dx++) {
                picture.setRGB(left + dx, top + dy, rgb);
            }
        }
    }

    /** Black through red and yellow to white as the level goes from 0 to 1. */
    private static int heat(double level) {
        double t = Math.min(Math.max(level, 0), 1);
        int r = (int) Math.round(255 * Math.min(1, 3 * t));
        int g = (int) Math.round(255 * Math.min(1, Math.max(0, 3 * t - 1)));
        int b = (int) Math.round(255 * Math.max(0, 3 * t - 2));
        return (r << 16) | (g << 8) | b;
    }

    /** Blue for −1, white for 0, red for +1. */
    private static int diverging(double value) {
        double t = Math.min(Math.max(value, -1), 1);
        int fade = (int) Math.round(255 * (1 - Math.abs(t)));
        return t >= 0 ? (255 << 16) | (fade << 8) | fade : (fade << 16) | (fade << 8) | 255;
    }

    /** A caption, left out where this Java cannot draw text (no font libraries): the panels' order is in metrics.json. */
    private static void caption(Graphics2D g, String text, int x, int y) {
        try {
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString(text, x, y);
        } catch (LinkageError | AWTError e) {
            // the picture is still worth having without its captions
        }
    }
}
