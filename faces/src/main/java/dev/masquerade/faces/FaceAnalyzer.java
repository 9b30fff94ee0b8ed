package dev.masquerade.faces;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The three networks in a row, as face-api's
 * {@code detectAllFaces(...).withFaceLandmarks().withFaceDescriptors()}: find the faces, cut
 * each detector box out and find its 68 landmarks there, then cut out the face aligned on its
 * landmarks ({@link #alignedBox}) and compute its descriptor.
 */
public final class FaceAnalyzer {
    private final TinyFaceDetector detector;
    private final FaceLandmarkNet landmarkNet;
    private final FaceRecognitionNet recognitionNet;

    private FaceAnalyzer(TinyFaceDetector detector, FaceLandmarkNet landmarkNet, FaceRecognitionNet recognitionNet) {
        this.detector = detector;
        this.landmarkNet = landmarkNet;
        this.recognitionNet = recognitionNet;
    }

    /**
     * The three networks with face-api's weights from {@code folder} (see {@link FaceApiModels}),
     * each shard checked byte for byte first ({@link FaceApiModels#verify}).
     */
    public static FaceAnalyzer load(Path folder) throws IOException {
        for (String network : FaceApiModels.NETWORKS) {
            FaceApiModels.verify(folder, network);
        }
        return new FaceAnalyzer((TinyFaceDetector) new TinyFaceDetector().load(folder), (FaceLandmarkNet) new FaceLandmarkNet().load(folder),
                (FaceRecognitionNet) new FaceRecognitionNet().load(folder));
    }

    /**
     * Every face in {@code image} the detector scores above {@code scoreThreshold}, best first. A
     * box, or a landmarks' square, that lies wholly outside the picture has nothing to look at:
     * such a face is left out rather than given made-up landmarks or descriptor.
     */
    public List<Face> analyze(RgbImage image, double scoreThreshold) {
        List<Face> faces = new ArrayList<>();
        for (Detection detection : detector.detect(image, scoreThreshold)) {
            double[][] landmarks = landmarks(image, detection);
            RgbImage aligned = landmarks == null ? null : alignedFace(image, landmarks);
            if (aligned != null) {
                faces.add(new Face(detection.box(), detection.score(), landmarks, recognitionNet.descriptor(aligned)));
            }
        }
        return faces;
    }

    /** The 68 landmarks of a detected face in the picture's pixel coordinates, or null when its box lies outside. */
    public double[][] landmarks(RgbImage image, Detection detection) {
        Box cut = detection.box().pixelsInside(image.width(), image.height());
        if (cut.width() < 1 || cut.height() < 1) {
            return null;
        }
        double[][] landmarks = landmarkNet.landmarks(crop(image, cut));
        // face-api moves the points by the box's corner, not the cut's whole-pixel corner
        // (up to a pixel apart); so do we, to agree with it
        for (double[] point : landmarks) {
            point[0] += detection.box().x();
            point[1] += detection.box().y();
        }
        return landmarks;
    }

    /** The face cut out along {@link #alignedBox}, as the recognition net takes it, or null when the box lies outside. */
    public RgbImage alignedFace(RgbImage image, double[][] landmarks) {
        Box aligned = alignedBox(landmarks).pixelsInside(image.width(), image.height());
        return aligned.width() < 1 || aligned.height() < 1 ? null : crop(image, aligned);
    }

    /** The recognition net alone. */
    public FaceRecognitionNet recognitionNet() {
        return recognitionNet;
    }

    /** The detector alone. */
    public TinyFaceDetector detector() {
        return detector;
    }

    /**
     * The square the recognition net expects the face in, placed on the landmarks as dlib does:
     * its side is the mean distance from the eyes' centres to the mouth's over 0.45, and the
     * mean of those three centres sits at (0.5, 0.43) of it.
     */
    static Box alignedBox(double[][] landmarks) {
        double[] leftEye = centre(landmarks, 36, 42), rightEye = centre(landmarks, 42, 48), mouth = centre(landmarks, 48, 68);
        double eyeToMouth = (Math.hypot(mouth[0] - leftEye[0], mouth[1] - leftEye[1]) + Math.hypot(mouth[0] - rightEye[0], mouth[1] - rightEye[1])) / 2;
        double side = Math.floor(eyeToMouth / 0.45);
        double refX = (leftEye[0] + rightEye[0] + mouth[0]) / 3, refY = (leftEye[1] + rightEye[1] + mouth[1]) / 3;
        return new Box(Math.floor(Math.max(0, refX - 0.5 * side)), Math.floor(Math.max(0, refY - 0.43 * side)), side, side);
    }

    /** The mean of points from .. to − 1. */
    static double[] centre(double[][] points, int from, int to) {
        double x = 0, y = 0;
        for (int i = from; i < to; i++) {
            x += points[i][0];
            y += points[i][1];
        }
        return new double[] {x / (to - from), y / (to - from)};
    }

    private static RgbImage crop(RgbImage image, Box whole) {
        return image.crop((int) whole.x(), (int) whole.y(), (int) whole.width(), (int) whole.height());
    }
}
