package dev.masquerade.tutorials;

import dev.masquerade.faces.SimilarityTransform;
import dev.masquerade.faces.Warp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Chapter 22, aligning a face and putting it back: a similarity fitted to three points by
 * least squares, its inverse, a bilinear sample, and how much a moving average of w frames
 * takes out of landmark jitter (a simulation against the formula).
 */
public final class AlignmentChapter extends Chapter {
    /** Three points of a face in a picture... */
    static final double[][] FROM = {{10, 20}, {30, 20}, {20, 40}};
    /** ...and where the template wants them: turned a quarter, half the size, moved. */
    static final double[][] TO = {{5, 5}, {5, 15}, {-5, 10}};
    /** A 2 × 2 grey picture, row by row, for the bilinear example. */
    static final float[] PICTURE = {0, 100, 50, 200};
    /** Noise of each landmark coordinate, in pixels, in the jitter simulation. */
    static final double SIGMA = 1;
    /** Frames in the jitter simulation. */
    static final int FRAMES = 200_000;

    public AlignmentChapter() {
        super(22, "Aligning a face and putting it back: similarities, hulls, inverse warps and jitter", "22-alignment.md");
    }

    // snippet: jitter
    /**
     * The jitter of a still point whose two coordinates carry independent Gaussian noise of
     * σ = {@link #SIGMA} pixels: the mean distance it moves from frame to frame, raw (window 1)
     * and after a centred moving average over {@code window} frames.
     */
    static double simulatedJitter(int window, long seed) {
        Random random = new Random(seed);
        double[][] noise = new double[FRAMES][2];
        for (double[] n : noise) {
            n[0] = SIGMA * random.nextGaussian();
            n[1] = SIGMA * random.nextGaussian();
        }
        double sum = 0;
        int h = window / 2, pairs = 0;
        for (int k = h + 1; k < FRAMES - h; k++) {
            double[] before = average(noise, k - 1 - h, window), now = average(noise, k - h, window);
            sum += Math.hypot(now[0] - before[0], now[1] - before[1]);
            pairs++;
        }
        return sum / pairs;
    }
    // end snippet

    private static double[] average(double[][] points, int from, int count) {
        double x = 0, y = 0;
        for (int i = from; i < from + count; i++) {
            x += points[i][0] / count;
            y += points[i][1] / count;
        }
        return new double[] {x, y};
    }

    @Override
    public Map<String, Double> numbers() {
        Map<String, Double> numbers = new LinkedHashMap<>();
        SimilarityTransform t = SimilarityTransform.fit(FROM, TO);
        numbers.put("a", t.a());
        numbers.put("b", t.b());
        numbers.put("tx", t.tx());
        numbers.put("ty", t.ty());
        numbers.put("scale", t.scale());
        numbers.put("degrees", t.rotationDegrees());
        double[] back = t.inverse().apply(new double[] {0, 0});
        numbers.put("origin x", back[0]);
        numbers.put("origin y", back[1]);
        numbers.put("bilinear", (double) Warp.bilinear(PICTURE, 2, 2, 1, 0, 1.25, 0.75));
        numbers.put("raw jitter", simulatedJitter(1, 22));
        numbers.put("raw formula", SIGMA * Math.sqrt(Math.PI));
        numbers.put("smoothed jitter", simulatedJitter(5, 22));
        numbers.put("smoothed formula", SIGMA * Math.sqrt(Math.PI) / 5);
        return numbers;
    }
}
