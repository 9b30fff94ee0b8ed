package dev.masquerade.workflow;

import dev.masquerade.faces.FaceAnalyzer;
import dev.masquerade.faces.FaceRecognitionNet;
import dev.masquerade.faces.RgbImage;
import java.util.List;

/**
 * Whose face a converted face is: its descriptor (face-api's recognition net, on the face cut
 * out where its landmarks are) against the mean descriptor of A's faces and of B's. A swap to B
 * should land nearer B than the original face did, and nearer B than A.
 *
 * @param analyzer the face networks
 * @param meanA    the mean descriptor of A's faces
 * @param meanB    the mean descriptor of B's faces
 */
public record IdentityProbe(FaceAnalyzer analyzer, float[] meanA, float[] meanB) {

    /** The probe for A's and B's extracted faces (their alignments' descriptors). */
    public static IdentityProbe of(FaceAnalyzer analyzer, Alignments a, Alignments b) {
        return new IdentityProbe(analyzer, mean(a), mean(b));
    }

    /** {distance to A, distance to B} of the face with these landmarks in {@code frame}; null where it lies outside. */
    public double[] distances(RgbImage frame, double[][] landmarks) {
        RgbImage face = analyzer.alignedFace(frame, landmarks);
        if (face == null) {
            return null;
        }
        float[] descriptor = analyzer.recognitionNet().descriptor(face);
        return new double[] {FaceRecognitionNet.distance(descriptor, meanA), FaceRecognitionNet.distance(descriptor, meanB)};
    }

    private static float[] mean(Alignments alignments) {
        List<float[]> descriptors = alignments.frames().stream().flatMap(f -> f.faces().stream()).map(Alignments.FaceEntry::descriptor).toList();
        if (descriptors.isEmpty()) {
            throw new IllegalArgumentException("measuring identity needs faces in both alignments, and " + alignments.source().file()
                    + "'s hold none");
        }
        float[] mean = new float[descriptors.get(0).length];
        for (float[] d : descriptors) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += d[i] / descriptors.size();
            }
        }
        return mean;
    }
}
