package dev.masquerade.nn.io;

import java.awt.AWTError;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Charts (XChart) as PNG files. A chart is only a picture of numbers the run also writes as
 * text, so where this Java cannot draw text (a server or container without the font
 * libraries that Java's font code loads, such as libharfbuzz) the chart is skipped with one
 * warning naming the missing library and the fix, and the run goes on: a missing font must
 * not cost a finished training run.
 */
public final class Charts {
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private Charts() {
    }

    /**
     * Draws the charts one above the other into {@code png} (written atomically); false, after a
     * warning on standard error (once per process), where text cannot be drawn here.
     */
    public static boolean write(Path png, Chart<?, ?>... charts) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        try {
            for (Chart<?, ?> chart : charts) {
                images.add(BitmapEncoder.getBufferedImage(chart));
            }
        } catch (LinkageError | AWTError e) {
            if (!WARNED.getAndSet(true)) {
                System.err.println("Skipping " + png.getFileName() + " and any later chart: Java cannot draw text on this machine ("
                        + e.getMessage() + "); install the font libraries (apt-get install libharfbuzz0b libfreetype6 fontconfig) to get charts."
                        + " Their numbers are in the run's metrics files.");
            }
            return false;
        }
        int width = images.stream().mapToInt(BufferedImage::getWidth).max().orElse(1);
        int height = images.stream().mapToInt(BufferedImage::getHeight).sum();
        BufferedImage stacked = new BufferedImage(width, Math.max(1, height), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = stacked.createGraphics();
        int y = 0;
        for (BufferedImage image : images) {
            g.drawImage(image, 0, y, null);
            y += image.getHeight();
        }
        g.dispose();
        Images.writeAtomically(stacked, png);
        return true;
    }
}
