package dev.masquerade.autoencoder.faces;

/**
 * Where {@link FaceRenderer} paints the face's features: ten landmarks in picture coordinates
 * (x, y from −1 to 1 across the picture, y down; the convention of the engine's gridSample).
 * The renderer knows them exactly, so a model that claims to find faces' parts can be checked
 * against the truth: the motion model's keypoints are (README, "Animating a still face").
 */
public final class FaceLandmarks {
    /** What each landmark is, in order. */
    public static final String[] NAMES = {"left pupil", "right pupil", "nose tip", "left mouth corner", "right mouth corner",
        "upper lip", "lower lip", "chin", "left brow", "right brow"};
    /** How many landmarks a face has. */
    public static final int COUNT = NAMES.length;
    // the renderer's fixed heights, in face coordinates
    private static final double EYE_Y = -0.12, NOSE_TOP = -0.06, MOUTH_Y = 0.33;

    private FaceLandmarks() {
    }

    /** The landmarks of {@code identity} rendered with {@code attributes}: [x₀, y₀, x₁, y₁, …], {@link #COUNT} points. */
    public static double[] of(Identity id, Attributes at) {
        double features = 0.1 * at.yaw(); // the renderer slides the inner features sideways with yaw
        double[] face = new double[2 * COUNT];
        for (int side = -1, i = 0; side <= 1; side += 2, i++) {
            set(face, i, side * id.eyeSpacing() + features + at.gazeX() * id.eyeWidth() * 0.45, EYE_Y + at.gazeY() * id.eyeHeight() * 0.3);
            set(face, 3 + i, side * id.mouthWidth() + features, MOUTH_Y - at.smile() * 0.07 * 0.7);
            set(face, 8 + i, side * id.eyeSpacing() + features, EYE_Y - id.eyeHeight() - 0.07);
        }
        set(face, 2, features - 0.02 * at.yaw(), NOSE_TOP + id.noseLength());
        double lipsMiddle = MOUTH_Y + at.smile() * 0.07 * 0.3;
        set(face, 5, features, lipsMiddle - at.mouthOpen() * 0.07);
        set(face, 6, features, lipsMiddle + at.mouthOpen() * 0.07);
        set(face, 7, 0.03 * at.yaw(), 0.05 + id.faceHeight());
        return toPicture(face, at);
    }

    /** Face coordinates to picture coordinates: the renderer's pose undone backwards (scale, rotate, shift). */
    private static double[] toPicture(double[] face, Attributes at) {
        double cos = Math.cos(at.rotation()), sin = Math.sin(at.rotation());
        double[] picture = new double[face.length];
        for (int i = 0; i < face.length; i += 2) {
            picture[i] = at.shiftX() + at.scale() * (cos * face[i] - sin * face[i + 1]);
            picture[i + 1] = at.shiftY() + at.scale() * (sin * face[i] + cos * face[i + 1]);
        }
        return picture;
    }

    private static void set(double[] points, int index, double x, double y) {
        points[2 * index] = x;
        points[2 * index + 1] = y;
    }
}
