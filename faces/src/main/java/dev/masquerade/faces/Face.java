package dev.masquerade.faces;

/**
 * A face found in a picture, in its pixel coordinates.
 *
 * @param box        the detector's box
 * @param score      the detector's confidence, in (0, 1)
 * @param landmarks  68 points {x, y} in dlib's numbering (see {@link FaceLandmarkNet})
 * @param descriptor 128 numbers; two faces of one person lie closer than
 *                   {@link FaceRecognitionNet#SAME_PERSON_THRESHOLD}
 */
public record Face(Box box, double score, double[][] landmarks, float[] descriptor) {
}
