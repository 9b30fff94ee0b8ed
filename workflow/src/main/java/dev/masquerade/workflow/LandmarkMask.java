package dev.masquerade.workflow;

import dev.masquerade.nn.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Where the face is in an aligned crop, from its 68 landmarks: the convex hull of the points,
 * filled. Two kinds, as faceswap has them:
 * <ul>
 *   <li>{@code components}: the hull of the 68 points, jaw to eyebrows;</li>
 *   <li>{@code extended}: the same with each eyebrow point raised by half its distance above
 *       the eye below it, so the mask takes in the lower forehead too.</li>
 * </ul>
 * The eyes and the mouth get a mask of their own ({@link #features}): training weighs them more.
 */
public final class LandmarkMask {
    /** The two kinds of face mask. */
    public enum Kind {
        COMPONENTS, EXTENDED;

        /** A kind by its name, any case. */
        public static Kind parse(String text) {
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the mask must be components or extended, got '" + text + "'", e);
            }
        }
    }

    /** Eyebrow points (17-21 over 36-39, 22-26 over 42-45), each with the eye point under it. */
    private static final int[][] BROW_OVER_EYE = {{17, 36}, {18, 37}, {19, 38}, {20, 39}, {21, 39}, {22, 42}, {23, 43}, {24, 44}, {25, 45}, {26, 45}};

    private LandmarkMask() {
    }

    /** The face mask of a size × size crop with these landmarks (in its pixels): 1 inside, 0 outside, row by row. */
    public static float[] face(double[][] landmarks, int size, Kind kind) {
        double[][] points = Arrays.stream(landmarks).map(double[]::clone).toArray(double[][]::new);
        if (kind == Kind.EXTENDED) {
            for (int[] pair : BROW_OVER_EYE) {
                double[] brow = landmarks[pair[0]], eye = landmarks[pair[1]];
                points[pair[0]] = new double[] {brow[0] + (brow[0] - eye[0]) / 2, brow[1] + (brow[1] - eye[1]) / 2};
            }
        }
        return fill(hull(points), size);
    }

    /** The eyes and the mouth (the hull of each: 36-41, 42-47, 48-59), 1 inside. */
    public static float[] features(double[][] landmarks, int size) {
        float[] mask = new float[size * size];
        for (int[] part : new int[][] {{36, 42}, {42, 48}, {48, 60}}) {
            float[] filled = fill(hull(Arrays.copyOfRange(landmarks, part[0], part[1])), size);
            for (int i = 0; i < mask.length; i++) {
                mask[i] = Math.max(mask[i], filled[i]);
            }
        }
        return mask;
    }

    /** Writes a size × size mask as an 8-bit grey PNG (0 black, 1 white), atomically. */
    public static void writePng(float[] mask, int size, Path file) throws IOException {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < mask.length; i++) {
            image.getRaster().setSample(i % size, i / size, 0, Math.round(255 * Math.max(0, Math.min(1, mask[i]))));
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        AtomicFiles.write(file, png.toByteArray());
    }

    // snippet: hull
    /**
     * The convex hull of {@code points}, counter-clockwise in x-right, y-up axes (Andrew's
     * monotone chain: sort by x, then keep only left turns along the lower and the upper side).
     */
    static double[][] hull(double[][] points) {
        // BEGIN SOLUTION task-8.2: the convex hull by Andrew's monotone chain: sort by x (then y), walk forwards for one side and backwards for the other, dropping the last point while it does not make a left turn (cross product ≤ 0) (see tutorials/22-alignment.md)
        double[][] sorted = points.clone();
        Arrays.sort(sorted, Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        List<double[]> hull = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            int start = hull.size();
            for (int k = 0; k < sorted.length; k++) {
                double[] p = sorted[pass == 0 ? k : sorted.length - 1 - k];
                while (hull.size() >= start + 2 && cross(hull.get(hull.size() - 2), hull.get(hull.size() - 1), p) <= 0) {
                    hull.remove(hull.size() - 1);
                }
                hull.add(p);
            }
            hull.remove(hull.size() - 1);
        }
        return hull.toArray(double[][]::new);
        // END SOLUTION
    }
    // end snippet

    private static double cross(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }

    /** 1 at every pixel whose centre lies inside the convex polygon (on one side of every edge), 0 elsewhere. */
    static float[] fill(double[][] polygon, int size) {
        float[] mask = new float[size * size];
        if (polygon.length < 3) {
            return mask;
        }
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double[] centre = {x + 0.5, y + 0.5};
                boolean inside = true;
                for (int i = 0; i < polygon.length && inside; i++) {
                    inside = cross(polygon[i], polygon[(i + 1) % polygon.length], centre) >= 0;
                }
                mask[y * size + x] = inside ? 1 : 0;
            }
        }
        return mask;
    }
}
