package dev.masquerade.faces;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Tensor;
import dev.masquerade.faces.FaceApiLayers.Residual;
import dev.masquerade.faces.FaceApiLayers.ScaledConv;
import dev.masquerade.nn.Parameter;

/**
 * face-api's face recognition net (6.4 MB), a port of dlib's ResNet-34-like face descriptor:
 * a picture of an aligned face to 128 numbers such that two pictures of one person lie closer
 * than 0.6 apart (Euclidean distance) and pictures of two people further.
 *
 * <p>Network: a 7×7 convolution at stride 2 (no padding; 150 → 72), a 3×3 max pool at stride 2
 * (→ 35), then residual blocks of two 3×3 {@link ScaledConv}s: three at 32 channels, a
 * downsampling block and three at 64, a downsampling block and two at 128, a downsampling
 * block and two at 256, and a last downsampling block (35 → 17 → 8 → 4 → 2). A mean over the
 * remaining pixels and a 256 × 128 matrix give the descriptor.
 *
 * <p>Pre-processing ({@link FaceApiInput}): pad to a square with black split evenly on both
 * sides, resize to 150, subtract the mean RGB (122.782, 117.001, 104.298), divide by 255.
 */
public final class FaceRecognitionNet extends FaceApiNetwork {
    /** The input side. */
    public static final int INPUT_SIZE = 150;
    /** The length of a descriptor. */
    public static final int DESCRIPTOR_SIZE = 128;
    /** The distance under which two descriptors are taken for one person (dlib's and face-api's usual threshold). */
    public static final double SAME_PERSON_THRESHOLD = 0.6;

    private final ScaledConv stem;
    private final Residual[] blocks;
    private final Parameter fc;

    /** The network with zero weights; {@link #load} gives it face-api's. */
    public FaceRecognitionNet() {
        super(FaceApiModels.FACE_RECOGNITION);
        stem = child("conv32_down", new ScaledConv(3, 32, 7));
        blocks = new Residual[] {
            residual("conv32_1", 32, 32), residual("conv32_2", 32, 32), residual("conv32_3", 32, 32),
            residual("conv64_down", 32, 64),
            residual("conv64_1", 64, 64), residual("conv64_2", 64, 64), residual("conv64_3", 64, 64),
            residual("conv128_down", 64, 128),
            residual("conv128_1", 128, 128), residual("conv128_2", 128, 128),
            residual("conv256_down", 128, 256),
            residual("conv256_1", 256, 256), residual("conv256_2", 256, 256),
            residual("conv256_down_out", 256, 256)};
        fc = parameter("fc", Tensor.zeros(256, DESCRIPTOR_SIZE));
    }

    private Residual residual(String name, int in, int out) {
        return child(name, new Residual(in, out, name.contains("_down")));
    }

    /** [N, 3, 150, 150] pre-processed faces to [N, 128] descriptors. */
    public Tensor forward(Tensor batch) {
        Tensor x = stem.validDown(batch).relu().maxPool2d(3, 2, 0);
        for (Residual block : blocks) {
            x = block.apply(x);
        }
        return x.mean(new int[] {2, 3}, false).matmul(fc.value());
    }

    /** {@code face} pre-processed for the network: [1, 3, 150, 150] (the landmark net's mean RGB). */
    public static Tensor input(RgbImage face) {
        return FaceApiInput.batch(face, INPUT_SIZE, true, FaceLandmarkNet.MEAN_RGB);
    }

    /**
     * The descriptor of the face in {@code face}: the square {@link FaceAnalyzer#alignedBox} cuts
     * out of the picture (upright as it stands there, not {@link FaceAligner}'s rotated crop).
     */
    public float[] descriptor(RgbImage face) {
        try (var noGrad = NoGrad.enter()) {
            return forward(input(face)).toFloatArray();
        }
    }

    /** The Euclidean distance between two descriptors. */
    public static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (double) (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }
}
