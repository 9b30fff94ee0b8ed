package dev.masquerade.autoencoder.faces;

import dev.masquerade.engine.Rng;

/**
 * What changes from picture to picture, for every identity alike: expression, pose and
 * lighting. A face swap should carry these over from one person to the other, which is what
 * makes the synthetic swap measurable: identity B rendered with A's attributes is the answer.
 *
 * @param smile      −1 (corners down) to 1 (a broad smile)
 * @param mouthOpen  0 (closed) to 1 (wide open)
 * @param eyeOpen    0.15 (nearly shut) to 1 (wide open)
 * @param gazeX      −1 (looking left) to 1 (right)
 * @param gazeY      −1 (up) to 1 (down)
 * @param rotation   in-plane rotation in radians
 * @param scale      size of the head (1 = nominal)
 * @param shiftX     horizontal shift of the head, in picture coordinates (−1 to 1 spans the picture)
 * @param shiftY     vertical shift of the head
 * @param yaw        −1 to 1: features slide sideways, as when the head turns
 * @param light      −1 to 1: light from the left or the right
 * @param brightness overall brightness (1 = nominal)
 */
public record Attributes(double smile, double mouthOpen, double eyeOpen, double gazeX, double gazeY, double rotation,
                         double scale, double shiftX, double shiftY, double yaw, double light, double brightness) {

    /** A neutral, frontal, evenly lit face. */
    public static final Attributes NEUTRAL = new Attributes(0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1);

    /** Random attributes: ±12° rotation, ±10% scale, ±8% shift, any expression, gaze, yaw and lighting. */
    public static Attributes random(Rng rng) {
        return new Attributes(rng.uniform(-1, 1), Math.max(0, rng.uniform(-0.4, 1)), rng.uniform(0.15, 1),
                rng.uniform(-1, 1), rng.uniform(-1, 1), Math.toRadians(rng.uniform(-12, 12)), rng.uniform(0.9, 1.1),
                rng.uniform(-0.08, 0.08), rng.uniform(-0.08, 0.08), rng.uniform(-1, 1), rng.uniform(-1, 1),
                rng.uniform(0.85, 1.1));
    }
}
