package dev.masquerade.voice.signal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Dynamic time warping: the cheapest way to line up two sequences of frames that say the same
 * thing at different speeds. With c(i, j) the distance between frame i of a and frame j of b,
 * the cost of the best alignment of the first i and j frames obeys
 * D(i, j) = c(i, j) + min(D(i−1, j), D(i, j−1), D(i−1, j−1)), D(0, 0) = c(0, 0): every path ends
 * in one of those three steps, and its best prefix is itself a best alignment (Bellman's
 * principle). Filling the table row by row costs |a|·|b| distances; walking back from the last
 * cell along the minima gives the path.
 */
public final class Dtw {
    private Dtw() {
    }

    /**
     * An alignment: its total cost and the frame pairs it matches, first to last.
     *
     * @param cost the sum of the distances along the path
     * @param path pairs [i, j], from [0, 0] to [|a| − 1, |b| − 1], each step one of (1, 0), (0, 1), (1, 1)
     */
    public record Alignment(double cost, int[][] path) {
        /** The cost per matched pair, comparable between alignments of different lengths. */
        public double costPerStep() {
            return cost / path.length;
        }
    }

    /** The best alignment of two frame sequences under the Euclidean distance between frames. */
    public static Alignment align(double[][] a, double[][] b) {
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("dtw: both sequences need at least one frame, got " + a.length + " and " + b.length);
        }
        double[][] total = costs(a, b);
        List<int[]> path = new ArrayList<>();
        int i = a.length - 1, j = b.length - 1;
        path.add(new int[] {i, j});
        while (i > 0 || j > 0) { // back along the minima the recurrence took
            if (i > 0 && j > 0 && total[i - 1][j - 1] <= total[i - 1][j] && total[i - 1][j - 1] <= total[i][j - 1]) {
                i--;
                j--;
            } else if (i > 0 && (j == 0 || total[i - 1][j] <= total[i][j - 1])) {
                i--;
            } else {
                j--;
            }
            path.add(new int[] {i, j});
        }
        Collections.reverse(path);
        return new Alignment(total[a.length - 1][b.length - 1], path.toArray(int[][]::new));
    }

    /** D(i, j), the cost of the best alignment of a's first i + 1 frames with b's first j + 1, for every i and j. */
    // snippet: recurrence
    static double[][] costs(double[][] a, double[][] b) {
        // BEGIN SOLUTION task-13.2: the table D row by row: D(0, 0) = c(0, 0), and D(i, j) = c(i, j) + the least of D(i−1, j), D(i, j−1) and D(i−1, j−1) over those that exist, c the distance between frame i of a and frame j of b (see tutorials/32-speech.md)
        double[][] total = new double[a.length][b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                double best = i == 0 && j == 0 ? 0 : Double.POSITIVE_INFINITY;
                if (i > 0) {
                    best = Math.min(best, total[i - 1][j]);
                }
                if (j > 0) {
                    best = Math.min(best, total[i][j - 1]);
                }
                if (i > 0 && j > 0) {
                    best = Math.min(best, total[i - 1][j - 1]);
                }
                total[i][j] = distance(a[i], b[j]) + best;
            }
        }
        return total;
        // END SOLUTION
    }
    // end snippet

    static double distance(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("dtw: frames of " + x.length + " and " + y.length + " values cannot be compared");
        }
        double sum = 0;
        for (int d = 0; d < x.length; d++) {
            sum += (x[d] - y[d]) * (x[d] - y[d]);
        }
        return Math.sqrt(sum);
    }
}
