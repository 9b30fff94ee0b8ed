package dev.masquerade.autoencoder.augment;

import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.data.Transforms;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Warp to landmarks, faceswap's alternative to the random warp: a face of A is warped so that
 * its landmarks land about where a similar face of B has them, and the model learns to draw A's clean
 * face from that input. The encoder thus sees A's faces in B's shapes, the shapes it meets when
 * a swap feeds it faces to turn into B.
 *
 * <p>The warp is a smooth displacement field through the landmarks: an output pixel y reads
 * the input at y + d(y), where d is the Gaussian-weighted mean of the landmarks' moves
 * (from − to, weighted by their nearness to y, with a width of an eighth of the crop) and of
 * points along the border that do not move, so the edges stay where they are.
 */
public final class LandmarkWarp {
    /** Border points that hold the edges still, per side. */
    private static final int BORDER_POINTS = 8;

    private LandmarkWarp() {
    }

    /**
     * For each face of {@code from}, the indices of the {@code k} faces of {@code to} whose
     * landmarks lie nearest (the mean distance between corresponding points), nearest first.
     */
    public static int[][] nearest(double[][][] from, double[][][] to, int k) {
        int[][] out = new int[from.length][];
        for (int i = 0; i < from.length; i++) {
            double[] distance = new double[to.length];
            for (int j = 0; j < to.length; j++) {
                for (int p = 0; p < from[i].length; p++) {
                    distance[j] += Math.hypot(from[i][p][0] - to[j][p][0], from[i][p][1] - to[j][p][1]) / from[i].length;
                }
            }
            out[i] = IntStream.range(0, to.length).boxed().sorted(Comparator.comparingDouble(j -> distance[j])).limit(k)
                    .mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    /** The images [N, C, S, S] warped so that the landmarks {@code from[i]} (in the crop's pixels) move onto {@code to[i]}. */
    public static Tensor apply(Tensor images, double[][][] from, double[][][] to) {
        int n = images.size(0), size = images.size(2);
        if (from.length != n || to.length != n) {
            throw new IllegalArgumentException("warp to landmarks needs two sets of landmarks per image, " + n + " images, got " + from.length
                    + " and " + to.length);
        }
        double width = size / 8.0;
        float[] sourceX = new float[n * size * size], sourceY = new float[n * size * size];
        for (int i = 0; i < n; i++) {
            double[][] anchors = anchors(to[i], size);
            double[][] moves = moves(from[i], to[i]);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    double cx = x + 0.5, cy = y + 0.5, dx = 0, dy = 0, total = 1e-12;
                    for (int a = 0; a < anchors.length; a++) {
                        double d2 = (cx - anchors[a][0]) * (cx - anchors[a][0]) + (cy - anchors[a][1]) * (cy - anchors[a][1]);
                        double weight = Math.exp(-d2 / (2 * width * width));
                        dx += weight * moves[a][0];
                        dy += weight * moves[a][1];
                        total += weight;
                    }
                    sourceX[(i * size + y) * size + x] = (float) (x + dx / total);
                    sourceY[(i * size + y) * size + x] = (float) (y + dy / total);
                }
            }
        }
        return Transforms.remap(images, sourceX, sourceY);
    }

    /** Where the field is pinned: the target landmarks, then points along the border. */
    private static double[][] anchors(double[][] to, int size) {
        double[][] anchors = Arrays.copyOf(to, to.length + 4 * BORDER_POINTS);
        for (int k = 0; k < BORDER_POINTS; k++) {
            double t = size * (k + 0.5) / BORDER_POINTS;
            anchors[to.length + 4 * k] = new double[] {t, 0};
            anchors[to.length + 4 * k + 1] = new double[] {t, size};
            anchors[to.length + 4 * k + 2] = new double[] {0, t};
            anchors[to.length + 4 * k + 3] = new double[] {size, t};
        }
        return anchors;
    }

    /** Each anchor's move, from its place in the output back to where the input has it: from − to at the landmarks, 0 on the border. */
    private static double[][] moves(double[][] from, double[][] to) {
        double[][] moves = new double[to.length + 4 * BORDER_POINTS][2];
        for (int p = 0; p < to.length; p++) {
            moves[p] = new double[] {from[p][0] - to[p][0], from[p][1] - to[p][1]};
        }
        return moves;
    }
}
