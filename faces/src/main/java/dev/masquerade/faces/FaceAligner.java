package dev.masquerade.faces;

/**
 * Cuts a face out upright and at a fixed size: the similarity transform that best carries five
 * of its 68 landmarks (the centres of the eyes, the tip of the nose, the corners of the mouth)
 * onto a template ({@link SimilarityTransform#fit}), then the picture resampled through it
 * ({@link Warp}). The template is InsightFace's five-point ArcFace template (a 112 × 112 crop),
 * drawn towards the crop's centre by {@code coverage}: 1 keeps ArcFace's tight crop (eyebrows to
 * chin), smaller values leave more of the head around the face, as a face swap wants.
 */
public final class FaceAligner {
    /** ArcFace's template, in fractions of the crop: the eye on the picture's left, the other eye, nose tip, mouth corners. */
    private static final double[][] ARCFACE = {
        {38.2946 / 112, 51.6963 / 112}, {73.5318 / 112, 51.5014 / 112}, {56.0252 / 112, 71.7366 / 112},
        {41.5493 / 112, 92.3655 / 112}, {70.7299 / 112, 92.2041 / 112}};

    private final int size;
    private final double coverage;

    /**
     * @param size     the crop's side in pixels
     * @param coverage in (0, 1]: how much of the crop the template spans (1: ArcFace's own crop)
     */
    public FaceAligner(int size, double coverage) {
        if (size < 8 || !(coverage > 0 && coverage <= 1)) {
            throw new IllegalArgumentException("an aligned crop needs a side of at least 8 pixels and a coverage in (0, 1], got " + size
                    + " and " + coverage);
        }
        this.size = size;
        this.coverage = coverage;
    }

    /** The five points the template places, from dlib's 68: eye centres (36-41, 42-47), nose tip (30), mouth corners (48, 54). */
    static double[][] fivePoints(double[][] landmarks) {
        if (landmarks.length != FaceLandmarkNet.POINTS) {
            throw new IllegalArgumentException("alignment needs the 68 landmarks of FaceLandmarkNet, got " + landmarks.length + " points");
        }
        return new double[][] {FaceAnalyzer.centre(landmarks, 36, 42), FaceAnalyzer.centre(landmarks, 42, 48), landmarks[30], landmarks[48], landmarks[54]};
    }

    /** Where the five points go in the crop, in its pixels. */
    double[][] template() {
        double[][] out = new double[ARCFACE.length][];
        for (int i = 0; i < ARCFACE.length; i++) {
            out[i] = new double[] {(0.5 + (ARCFACE[i][0] - 0.5) * coverage) * size, (0.5 + (ARCFACE[i][1] - 0.5) * coverage) * size};
        }
        return out;
    }

    /** The transform from the picture's pixels to the crop's for a face with these 68 landmarks. */
    public SimilarityTransform toCrop(double[][] landmarks) {
        return SimilarityTransform.fit(fivePoints(landmarks), template());
    }

    /** The aligned crop of the face with these landmarks: size × size pixels, black where it reaches past the picture. */
    public RgbImage crop(RgbImage image, double[][] landmarks) {
        return Warp.apply(image, toCrop(landmarks), size, size);
    }
}
