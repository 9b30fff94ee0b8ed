package dev.masquerade.voice.evaluation;

import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.io.Images;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Log-mel spectrograms as one picture, one strip per utterance (source, converted, target, ...):
 * time runs to the right, low frequencies at the bottom, and brightness is the band's level on
 * one scale for every strip (the loudest band of all white, {@value #RANGE} log units below it
 * black), so the strips compare. Each band is drawn {@value #BAND_HEIGHT} pixels high and each
 * frame (8 ms) {@value #FRAME_WIDTH} pixels wide.
 */
public final class Spectrograms {
    /** The range of levels shown: 10 natural-log units of power are about 43 dB. */
    static final double RANGE = 10;
    static final int BAND_HEIGHT = 2;
    static final int FRAME_WIDTH = 2;
    /** Colours from quiet to loud: black, violet, orange, pale yellow. */
    private static final double[][] COLOURS = {{0, 0, 0}, {0.45, 0.1, 0.5}, {0.95, 0.45, 0.2}, {1, 0.95, 0.7}};

    private Spectrograms() {
    }

    /** Writes the strips, top to bottom, as a PNG; strips shorter than the longest are padded black. */
    public static void write(List<double[][]> logMels, Path png) throws IOException {
        double loudest = logMels.stream().mapToDouble(Spectrograms::loudest).max().orElseThrow();
        int frames = logMels.stream().mapToInt(m -> m.length).max().orElseThrow();
        int bands = logMels.get(0)[0].length, stripHeight = bands * BAND_HEIGHT, gap = 4;
        int height = logMels.size() * (stripHeight + gap) - gap, width = frames * FRAME_WIDTH;
        double[] rgb = new double[3 * height * width];
        for (int s = 0; s < logMels.size(); s++) {
            double[][] m = logMels.get(s);
            for (int x = 0; x < m.length * FRAME_WIDTH; x++) {
                for (int y = 0; y < stripHeight; y++) {
                    int band = bands - 1 - y / BAND_HEIGHT; // low frequencies at the bottom
                    double[] colour = colour((m[x / FRAME_WIDTH][band] - loudest + RANGE) / RANGE);
                    int row = s * (stripHeight + gap) + y;
                    for (int c = 0; c < 3; c++) {
                        rgb[(c * height + row) * width + x] = colour[c];
                    }
                }
            }
            if (s + 1 < logMels.size()) {
                for (int y = 0; y < gap; y++) { // a white line between strips
                    for (int x = 0; x < width; x++) {
                        for (int c = 0; c < 3; c++) {
                            rgb[(c * height + s * (stripHeight + gap) + stripHeight + y) * width + x] = 1;
                        }
                    }
                }
            }
        }
        Images.writePng(Tensor.of(rgb, 3, height, width), png);
    }

    /** The loudest band of any frame. */
    static double loudest(double[][] logMel) {
        double loudest = Double.NEGATIVE_INFINITY;
        for (double[] frame : logMel) {
            for (double v : frame) {
                loudest = Math.max(loudest, v);
            }
        }
        return loudest;
    }

    /** A level in [0, 1] as a colour, linear between the map's stops. */
    private static double[] colour(double level) {
        double x = Math.max(0, Math.min(1, level)) * (COLOURS.length - 1);
        int i = Math.min((int) x, COLOURS.length - 2);
        double t = x - i;
        double[] out = new double[3];
        for (int c = 0; c < 3; c++) {
            out[c] = COLOURS[i][c] + t * (COLOURS[i + 1][c] - COLOURS[i][c]);
        }
        return out;
    }
}
