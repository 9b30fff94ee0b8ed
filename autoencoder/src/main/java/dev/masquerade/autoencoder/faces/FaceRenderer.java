package dev.masquerade.autoencoder.faces;

/**
 * Paints a synthetic face, back to front, from simple shapes: background, hair, face, brows,
 * eyes (white, iris, pupil), nose and mouth. Each pixel is the mean of 2×2 samples, so edges
 * are smooth enough for a network to learn them.
 *
 * <p>Every sample point is mapped from picture coordinates (−1 to 1 across the picture, y
 * down) into face coordinates by undoing the pose: shift, then rotation, then scale. Yaw moves
 * the inner features sideways more than the face outline, a cheap imitation of a head turning.
 */
public final class FaceRenderer {
    private static final double[] BACKGROUND = {0.2, 0.24, 0.3};
    private static final double[] EYE_WHITE = {0.95, 0.95, 0.93};
    private static final double[] PUPIL = {0.05, 0.04, 0.04};
    private static final double[] MOUTH_INSIDE = {0.25, 0.05, 0.06};
    private static final int SAMPLES = 2;

    private FaceRenderer() {
    }

    /** An RGB picture [3, size, size] in [0, 1] and where its face and its eyes and mouth are. */
    public record Rendering(double[] rgb, double[] faceMask, double[] featureMask, int size) {
    }

    /** Renders {@code identity} with {@code attributes} at size×size pixels. */
    public static Rendering render(Identity identity, Attributes attributes, int size) {
        double[] rgb = new double[3 * size * size];
        double[] face = new double[size * size];
        double[] features = new double[size * size];
        double[] colour = new double[3];
        double cos = Math.cos(-attributes.rotation()), sin = Math.sin(-attributes.rotation());
        for (int py = 0; py < size; py++) {
            for (int px = 0; px < size; px++) {
                double r = 0, g = 0, b = 0, inFace = 0, inFeature = 0;
                for (int sy = 0; sy < SAMPLES; sy++) {
                    for (int sx = 0; sx < SAMPLES; sx++) {
                        double u = (px + (sx + 0.5) / SAMPLES) / size * 2 - 1;
                        double v = (py + (sy + 0.5) / SAMPLES) / size * 2 - 1;
                        double du = u - attributes.shiftX(), dv = v - attributes.shiftY();
                        double x = (cos * du - sin * dv) / attributes.scale();
                        double y = (sin * du + cos * dv) / attributes.scale();
                        int region = paint(identity, attributes, x, y, colour);
                        double light = attributes.brightness() * (1 + 0.3 * attributes.light() * u);
                        r += colour[0] * light;
                        g += colour[1] * light;
                        b += colour[2] * light;
                        inFace += region >= FACE ? 1 : 0;
                        inFeature += region == FEATURE ? 1 : 0;
                    }
                }
                int n = SAMPLES * SAMPLES, at = py * size + px;
                rgb[at] = clamp(r / n);
                rgb[size * size + at] = clamp(g / n);
                rgb[2 * size * size + at] = clamp(b / n);
                face[at] = inFace / n;
                features[at] = inFeature / n;
            }
        }
        return new Rendering(rgb, face, features, size);
    }

    private static final int OUTSIDE = 0;
    private static final int FACE = 1;
    private static final int FEATURE = 2;

    /** Sets {@code colour} to the surface at face coordinates (x, y) and says which region it is in. */
    private static int paint(Identity id, Attributes at, double x, double y, double[] colour) {
        double faceX = x - 0.03 * at.yaw();
        double featureX = x - 0.1 * at.yaw();
        double insideFace = sq(faceX / id.faceWidth()) + sq((y - 0.05) / id.faceHeight());
        double hairW = id.faceWidth() + id.hairVolume(), hairH = id.faceHeight() + id.hairVolume();
        boolean inHair = sq(faceX / hairW) + sq((y + 0.02) / hairH) < 1 && y < 0.1;
        if (insideFace >= 1) {
            set(colour, inHair ? id.hair() : BACKGROUND, 1);
            return OUTSIDE;
        }
        double foreheadTop = 0.05 - id.faceHeight();
        if (y < foreheadTop + id.fringe() * 0.35 * (1 - 0.4 * sq(faceX / id.faceWidth()))) {
            set(colour, id.hair(), 1);
            return FACE;
        }
        // shading towards the outline gives the face some roundness
        set(colour, id.skin(), 1 - 0.18 * insideFace);
        double eyeY = -0.12;
        for (int side = -1; side <= 1; side += 2) {
            double ex = featureX - side * id.eyeSpacing();
            double browY = eyeY - id.eyeHeight() - 0.07;
            double slope = side * id.browTilt();
            double browOffset = y - (browY + slope * ex);
            if (Math.abs(ex) < id.eyeWidth() * 1.25 && Math.abs(browOffset) < id.browThickness()) {
                set(colour, id.hair(), 0.6);
                return FACE;
            }
            double openHeight = id.eyeHeight() * at.eyeOpen();
            double inEye = sq(ex / id.eyeWidth()) + sq((y - eyeY) / openHeight);
            if (inEye < 1) {
                double irisR = id.eyeHeight() * 0.85;
                double ix = ex - at.gazeX() * id.eyeWidth() * 0.45, iy = y - eyeY - at.gazeY() * id.eyeHeight() * 0.3;
                double irisDistance = Math.sqrt(ix * ix + iy * iy);
                set(colour, irisDistance < irisR * 0.45 ? PUPIL : irisDistance < irisR ? id.iris() : EYE_WHITE, 1);
                return FEATURE;
            }
            if (inEye < 1.6 && Math.abs(ex) < id.eyeWidth() * 1.3) {
                return FEATURE; // the skin around the eye belongs to the eye region
            }
        }
        double noseTop = -0.06;
        double t = (y - noseTop) / id.noseLength();
        if (t > 0 && t < 1 && Math.abs(featureX + 0.02 * at.yaw()) < id.noseWidth() * (0.4 + 0.6 * t)) {
            set(colour, id.skin(), 0.82 - 0.1 * t);
            return FACE;
        }
        double mouthY = 0.33;
        double m = featureX / id.mouthWidth();
        if (Math.abs(m) < 1.15 && Math.abs(y - mouthY) < 0.16) {
            double curve = mouthY - at.smile() * 0.07 * (m * m - 0.3);
            double halfOpen = at.mouthOpen() * 0.07 * Math.sqrt(Math.max(0, 1 - m * m));
            double lip = 0.022 * Math.sqrt(Math.max(0, 1 - m * m * m * m));
            double offset = Math.abs(y - curve);
            if (Math.abs(m) < 1 && offset < halfOpen) {
                set(colour, MOUTH_INSIDE, 1);
            } else if (Math.abs(m) < 1 && offset < halfOpen + lip) {
                set(colour, id.lips(), 1);
            }
            return FEATURE;
        }
        return FACE;
    }

    private static void set(double[] colour, double[] source, double shade) {
        for (int c = 0; c < 3; c++) {
            colour[c] = source[c] * shade;
        }
    }

    private static double sq(double v) {
        return v * v;
    }

    private static double clamp(double v) {
        return Math.min(1, Math.max(0, v));
    }
}
