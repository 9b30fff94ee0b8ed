package dev.masquerade.autoencoder.faces;

import dev.masquerade.engine.Rng;

/**
 * What makes a synthetic person recognisable: the features that stay the same in every
 * picture of them. Lengths are in face coordinates, where the picture spans −1 to 1.
 *
 * @param faceWidth      half-width of the face ellipse
 * @param faceHeight     half-height of the face ellipse
 * @param skin           skin colour, RGB in [0, 1]
 * @param hair           hair colour (brows are a darker shade of it)
 * @param hairVolume     how far the hair reaches beyond the face
 * @param fringe         how far the fringe comes down the forehead (0 to 1 of the forehead)
 * @param eyeWidth       half-width of each eye
 * @param eyeHeight      half-height of each fully open eye
 * @param eyeSpacing     distance of each eye from the face's centre line
 * @param iris           iris colour
 * @param browThickness  thickness of the brows
 * @param browTilt       slope of the brows (positive: inner ends lower, a stern look)
 * @param noseLength     length of the nose
 * @param noseWidth      half-width of the nose
 * @param mouthWidth     half-width of the mouth
 * @param lips           lip colour
 */
public record Identity(double faceWidth, double faceHeight, double[] skin, double[] hair, double hairVolume, double fringe,
                       double eyeWidth, double eyeHeight, double eyeSpacing, double[] iris, double browThickness,
                       double browTilt, double noseLength, double noseWidth, double mouthWidth, double[] lips) {

    /** A random identity; every feature is drawn from a range that keeps the face plausible. */
    public static Identity random(Rng rng) {
        double tone = rng.uniform(0.25, 1.0);
        double[] skin = {0.45 + 0.5 * tone, 0.3 + 0.45 * tone, 0.2 + 0.4 * tone};
        double[] hair = pick(rng, new double[][]{{0.1, 0.07, 0.05}, {0.45, 0.28, 0.12}, {0.85, 0.7, 0.35}, {0.6, 0.2, 0.08}, {0.55, 0.55, 0.55}});
        double[] iris = pick(rng, new double[][]{{0.2, 0.45, 0.85}, {0.35, 0.2, 0.08}, {0.25, 0.6, 0.3}, {0.45, 0.45, 0.5}});
        double[] lips = {Math.min(1, skin[0] * 0.95 + 0.05), skin[1] * 0.55, skin[2] * 0.6};
        return new Identity(rng.uniform(0.46, 0.6), rng.uniform(0.62, 0.78), skin, hair, rng.uniform(0.04, 0.2),
                rng.uniform(0.1, 0.6), rng.uniform(0.08, 0.13), rng.uniform(0.04, 0.07), rng.uniform(0.17, 0.25), iris,
                rng.uniform(0.015, 0.045), rng.uniform(-0.35, 0.35), rng.uniform(0.12, 0.24), rng.uniform(0.04, 0.09),
                rng.uniform(0.16, 0.3), lips);
    }

    private static double[] pick(Rng rng, double[][] choices) {
        return choices[rng.nextInt(choices.length)].clone();
    }
}
