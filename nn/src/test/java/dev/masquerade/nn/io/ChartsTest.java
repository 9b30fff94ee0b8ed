package dev.masquerade.nn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class ChartsTest {
    @TempDir
    Path folder;

    @Test
    void chartsAreDrawnOneAboveTheOtherInOnePicture() throws Exception {
        XYChart upper = new XYChart(300, 200), lower = new XYChart(300, 120);
        upper.addSeries("loss", List.of(1.0, 2.0, 3.0), List.of(3.0, 2.0, 1.0));
        lower.addSeries("output", List.of(1.0, 2.0, 3.0), List.of(0.5, 0.6, 0.7));
        Path png = folder.resolve("curves.png");
        assertTrue(Charts.write(png, upper, lower));
        BufferedImage written = ImageIO.read(png.toFile());
        assertEquals(300, written.getWidth());
        assertEquals(320, written.getHeight());
    }

    @Test
    void aMachineThatCannotDrawTextGetsNoChartAndNoFailure() throws Exception {
        XYChart withoutFonts = new XYChart(300, 200) {
            @Override
            public void paint(Graphics2D g, int width, int height) {
                // what Java's font code throws on a machine without libharfbuzz
                throw new UnsatisfiedLinkError("libfontmanager.so: libharfbuzz.so.0: cannot open shared object file");
            }
        };
        Path png = folder.resolve("loss.png");
        assertFalse(Charts.write(png, withoutFonts));
        assertFalse(Files.exists(png));
        try (var files = Files.list(folder)) {
            assertEquals(0, files.count(), "no temporary file is left behind either");
        }
    }
}
