package dev.masquerade.faces;

/**
 * A similarity transform of the plane: a rotation and a uniform scale, then a shift,
 * (x, y) ↦ (a·x − b·y + tx, b·x + a·y + ty), where a = s·cos θ and b = s·sin θ. Face aligners
 * map a face's landmarks onto a fixed template with one: it keeps the face's shape (no shear,
 * no stretch), so an aligned face is the same face, upright and at a set size.
 *
 * <p>{@link #fit} is Umeyama's least-squares estimate (1991) restricted to the plane, where it
 * has a closed form: with the points pᵢ to move and the targets qᵢ both taken relative to their
 * means, a = Σ pᵢ·qᵢ / Σ |pᵢ|² and b = Σ pᵢ × qᵢ / Σ |pᵢ|² (dot and 2-d cross products), and
 * the shift carries the one mean onto the other. Setting the derivatives of Σ |T(xᵢ) − yᵢ|² by a, b, tx
 * and ty to zero gives exactly these.
 */
public record SimilarityTransform(double a, double b, double tx, double ty) {

    // snippet: fit
    /** The transform that moves {@code from[i]} closest to {@code to[i]} in the least-squares sense; points are {x, y}. */
    public static SimilarityTransform fit(double[][] from, double[][] to) {
        if (from.length != to.length || from.length < 2) {
            throw new IllegalArgumentException("fitting a similarity needs two lists of the same points, at least 2, got " + from.length
                    + " and " + to.length);
        }
        // BEGIN SOLUTION task-8.1: Umeyama's least squares in the plane: both point sets' means, then a = Σ p·q / Σ |p|² and b = Σ p × q / Σ |p|² over the points taken relative to their means, and the shift that carries the one mean onto the other (see tutorials/22-alignment.md)
        int n = from.length;
        double fx = 0, fy = 0, gx = 0, gy = 0;
        for (int i = 0; i < n; i++) {
            fx += from[i][0] / n;
            fy += from[i][1] / n;
            gx += to[i][0] / n;
            gy += to[i][1] / n;
        }
        double dot = 0, cross = 0, spread = 0;
        for (int i = 0; i < n; i++) {
            double x = from[i][0] - fx, y = from[i][1] - fy, u = to[i][0] - gx, v = to[i][1] - gy;
            dot += x * u + y * v;
            cross += x * v - y * u;
            spread += x * x + y * y;
        }
        if (spread == 0) {
            throw new IllegalArgumentException("fitting a similarity needs points that are not all in one place");
        }
        double a = dot / spread, b = cross / spread;
        return new SimilarityTransform(a, b, gx - (a * fx - b * fy), gy - (b * fx + a * fy));
        // END SOLUTION
    }
    // end snippet

    /** Where the point {x, y} goes. */
    public double[] apply(double[] point) {
        return new double[] {a * point[0] - b * point[1] + tx, b * point[0] + a * point[1] + ty};
    }

    /** The transform that undoes this one (rotation by −θ, scale 1/s). */
    public SimilarityTransform inverse() {
        double s2 = a * a + b * b;
        double ia = a / s2, ib = -b / s2;
        return new SimilarityTransform(ia, ib, -(ia * tx - ib * ty), -(ib * tx + ia * ty));
    }

    /** The scale s. */
    public double scale() {
        return Math.hypot(a, b);
    }

    /** The rotation θ in degrees, counter-clockwise in x-right, y-up axes (clockwise on a picture, whose y points down). */
    public double rotationDegrees() {
        return Math.toDegrees(Math.atan2(b, a));
    }
}
