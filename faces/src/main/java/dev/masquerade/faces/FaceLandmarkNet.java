package dev.masquerade.faces;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Tensor;
import dev.masquerade.faces.FaceApiLayers.DenseBlock;
import dev.masquerade.faces.FaceApiLayers.FullyConnected;

/**
 * face-api's 68-point landmark net (357 KB of uint8 weights): where the jaw (points 0-16),
 * eyebrows (17-26), nose (27-35), eyes (36-47) and mouth (48-67) are, in dlib's 68-point
 * numbering, on a picture of one face.
 *
 * <p>Network: four {@link DenseBlock}s (32, 64, 128, 256 channels), each halving the
 * resolution (112 → 56 → 28 → 14 → 7), a 7×7 average (the whole 7×7 map, to one value per
 * channel) and a fully connected layer to 136 numbers: x0, y0, x1, y1, ... as fractions of
 * the padded square.
 *
 * <p>Pre-processing ({@link FaceApiInput}): pad to a square with black split evenly on both
 * sides, resize to 112, subtract the mean RGB (122.782, 117.001, 104.298), divide by 255.
 */
public final class FaceLandmarkNet extends FaceApiNetwork {
    /** The input side. */
    public static final int INPUT_SIZE = 112;
    /** The number of landmarks. */
    public static final int POINTS = 68;
    static final float[] MEAN_RGB = {122.782f, 117.001f, 104.298f};

    private final DenseBlock[] blocks = new DenseBlock[4];
    private final FullyConnected fc;

    /** The network with zero weights; {@link #load} gives it face-api's. */
    public FaceLandmarkNet() {
        super(FaceApiModels.FACE_LANDMARK_68);
        int[] channels = {3, 32, 64, 128, 256};
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = child("dense" + i, new DenseBlock(channels[i], channels[i + 1], i == 0));
        }
        fc = child("fc", new FullyConnected(256, POINTS * 2));
    }

    /** [N, 3, 112, 112] pre-processed faces to [N, 136]: (x, y) pairs as fractions of the input square. */
    public Tensor forward(Tensor batch) {
        Tensor x = batch;
        for (DenseBlock block : blocks) {
            x = block.apply(x);
        }
        Tensor features = x.avgPool2d(7, 2, 0);
        return fc.apply(features.reshape(features.size(0), -1));
    }

    /** {@code face} pre-processed for the network: [1, 3, 112, 112]. */
    public static Tensor input(RgbImage face) {
        return FaceApiInput.batch(face, INPUT_SIZE, true, MEAN_RGB);
    }

    /**
     * The 68 landmarks of the face in {@code face} (a picture of one face, such as a detector's
     * box cut out), in its pixel coordinates: {@code [68][2]}.
     */
    public double[][] landmarks(RgbImage face) {
        float[] out;
        try (var noGrad = NoGrad.enter()) {
            out = forward(input(face)).toFloatArray();
        }
        // undo the centred padding: face-api's postProcess, in the units of the scaled face
        double scale = (double) INPUT_SIZE / Math.max(face.width(), face.height());
        double w = face.width() * scale, h = face.height() * scale;
        double padX = w < h ? Math.abs(w - h) / 2 : 0, padY = h < w ? Math.abs(w - h) / 2 : 0;
        double[][] points = new double[POINTS][];
        for (int i = 0; i < POINTS; i++) {
            points[i] = new double[] {
                (out[2 * i] * INPUT_SIZE - padX) / w * face.width(),
                (out[2 * i + 1] * INPUT_SIZE - padY) / h * face.height()};
        }
        return points;
    }
}
