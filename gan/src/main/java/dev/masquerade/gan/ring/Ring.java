package dev.masquerade.gan.ring;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;

/**
 * The 2-d toy data of GAN papers: a mixture of {@value #MODES} Gaussians whose centres sit
 * evenly on a circle of radius {@value #RADIUS}, each with standard deviation {@value #STD}.
 * Because the modes are known, mode collapse can be counted instead of guessed.
 */
public final class Ring {
    public static final int MODES = 8;
    public static final double RADIUS = 2.0;
    public static final double STD = 0.05;
    /** A point belongs to a mode when it lies within this many standard deviations of its centre. */
    public static final double NEAR = 3;

    private Ring() {
    }

    /** Centre of mode m: angle 2πm/8 on the circle. */
    public static double[] centre(int mode) {
        double angle = 2 * Math.PI * mode / MODES;
        return new double[] {RADIUS * Math.cos(angle), RADIUS * Math.sin(angle)};
    }

    /** n points [n, 2]: a uniformly chosen mode plus Gaussian noise. */
    public static Tensor sample(Rng rng, int n) {
        if (n > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("a batch of " + n + " ring points needs more values than a tensor holds (2^31 - 1);"
                    + " use a smaller --batch-size (256 is usual)");
        }
        float[] points = new float[2 * n];
        for (int i = 0; i < n; i++) {
            double[] c = centre(rng.nextInt(MODES));
            points[2 * i] = (float) (c[0] + STD * rng.normal());
            points[2 * i + 1] = (float) (c[1] + STD * rng.normal());
        }
        return Tensor.of(points, n, 2);
    }

    /**
     * How generated points cover the ring: the points near each mode, the fraction of all points
     * that are near some mode (the rest lie between modes or off the ring), and the modes covered:
     * those that received at least a quarter of their fair share, n / (4·8), of the points.
     */
    public record Coverage(int[] perMode, double nearFraction, int modesCovered) {
    }

    /** Coverage of the points [n, 2]. */
    public static Coverage coverage(Tensor points) {
        float[] p = points.toFloatArray();
        int n = points.size(0);
        int[] perMode = new int[MODES];
        int near = 0;
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < MODES; m++) {
                double[] c = centre(m);
                if (Math.hypot(p[2 * i] - c[0], p[2 * i + 1] - c[1]) <= NEAR * STD) {
                    perMode[m]++;
                    near++;
                    break;
                }
            }
        }
        int covered = 0;
        for (int count : perMode) {
            covered += 4 * MODES * count >= n ? 1 : 0;
        }
        return new Coverage(perMode, (double) near / n, covered);
    }
}
