package dev.masquerade.faces;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Tensor;
import dev.masquerade.faces.FaceApiLayers.Conv;
import dev.masquerade.faces.FaceApiLayers.SeparableConv;
import java.util.ArrayList;
import java.util.List;

/**
 * face-api's tiny face detector, a Tiny YOLO v2 with depthwise-separable convolutions (193 KB
 * of uint8 weights). It looks at the picture once, on a grid: each of the 13 × 13 cells of a
 * 416 × 416 input predicts 5 boxes, one per anchor (a typical face shape), as 5 numbers each
 * (x, y, w, h offsets and a score).
 *
 * <p>Network: a 3×3 convolution (no padding) → leaky ReLU → five depthwise-separable 3×3
 * convolutions (16 → 32 → 64 → 128 → 256 → 512 channels, padding 1, batch normalisation
 * already folded into their weights and bias by face-api, each followed by leaky ReLU with
 * slope 0.1 and a 2×2 max pool with TensorFlow's 'same' padding, stride 2 except after the
 * last) → a 1×1 convolution to 25 = 5 anchors × 5 channels.
 *
 * <p>Pre-processing ({@link FaceApiInput}): pad to a square with black on the right or bottom,
 * resize to 416, subtract the mean RGB (117.001, 114.697, 97.404), divide by 255.
 *
 * <p>Decoding, for cell (row, col) and anchor a with anchor size (aw, ah) in cells: centre
 * ((col + σ(tx)) / 13, (row + σ(ty)) / 13), size (aw·e^tw / 13, ah·e^th / 13), score σ(t_score),
 * all relative to the padded square, then stretched to the picture (the padding is not part of
 * it). Boxes scoring above the threshold go through {@link NonMaxSuppression} at IoU 0.4.
 */
public final class TinyFaceDetector extends FaceApiNetwork {
    /** The input side face-api uses by default (a multiple of 32). */
    public static final int INPUT_SIZE = 416;
    /** face-api's default score threshold. */
    public static final double SCORE_THRESHOLD = 0.5;
    static final double IOU_THRESHOLD = 0.4;
    private static final float[] MEAN_RGB = {117.001f, 114.697f, 97.404f};
    static final double[][] ANCHORS = {
        {1.603231, 2.094468}, {6.041143, 7.080126}, {2.882459, 3.518061}, {4.266906, 5.178857}, {9.041765, 10.66308}};
    // TF.js writes leaky ReLU's slope as float32(0.1)
    private static final double SLOPE = 0.1f;

    private final Conv conv0;
    private final SeparableConv[] separable = new SeparableConv[5];
    private final Conv conv8;

    /** The network with zero weights; {@link #load} gives it face-api's. */
    public TinyFaceDetector() {
        super(FaceApiModels.TINY_FACE_DETECTOR);
        conv0 = child("conv0", new Conv(3, 16, 3));
        int[] channels = {16, 32, 64, 128, 256, 512};
        for (int i = 0; i < separable.length; i++) {
            separable[i] = child("conv" + (i + 1), new SeparableConv(channels[i], channels[i + 1]));
        }
        conv8 = child("conv8", new Conv(512, ANCHORS.length * 5, 1));
    }

    /** The raw grid: [N, 3, 416, 416] pre-processed pictures to [N, 25, 13, 13] (channel 5·anchor + k). */
    public Tensor forward(Tensor batch) {
        Tensor x = conv0.valid(batch, 1).leakyRelu(SLOPE);
        x = SamePadding.maxPool(x, 2, 2);
        for (int i = 0; i < separable.length; i++) {
            x = separable[i].same(x, 1).leakyRelu(SLOPE);
            x = SamePadding.maxPool(x, 2, i < separable.length - 1 ? 2 : 1);
        }
        return conv8.valid(x, 1);
    }

    /** {@code image} pre-processed for the network: [1, 3, 416, 416]. */
    public static Tensor input(RgbImage image) {
        return FaceApiInput.batch(image, INPUT_SIZE, false, MEAN_RGB);
    }

    /** The faces in {@code image} scoring above {@code scoreThreshold}, best first. */
    public List<Detection> detect(RgbImage image, double scoreThreshold) {
        Tensor grid;
        try (var noGrad = NoGrad.enter()) {
            grid = forward(input(image));
        }
        return NonMaxSuppression.keep(decode(grid.toFloatArray(), grid.size(2), image.width(), image.height(), scoreThreshold), IOU_THRESHOLD);
    }

    /**
     * The boxes of a raw grid ([25, cells, cells] values, channel 5·anchor + k) scoring above the
     * threshold, in the pixels of a width × height picture, before suppression.
     */
    static List<Detection> decode(float[] grid, int cells, int width, int height, double scoreThreshold) {
        // the picture fills round(side·scale) of the square's 416 pixels along each axis
        double scale = (double) INPUT_SIZE / Math.max(width, height);
        double stretchX = INPUT_SIZE / (double) Math.round(width * scale);
        double stretchY = INPUT_SIZE / (double) Math.round(height * scale);
        List<Detection> found = new ArrayList<>();
        for (int row = 0; row < cells; row++) {
            for (int col = 0; col < cells; col++) {
                for (int a = 0; a < ANCHORS.length; a++) {
                    // BEGIN SOLUTION task-7.5: anchor a of cell (row, col): its score σ(t_score), and when above the threshold its box from σ(tx), σ(ty), e^tw and e^th as this class's Javadoc gives, stretched to the picture and scaled to its pixels (see tutorials/20-face-networks.md)
                    double score = sigmoid(grid[channel(a, 4, row, col, cells)]);
                    if (score <= scoreThreshold) {
                        continue;
                    }
                    double centreX = (col + sigmoid(grid[channel(a, 0, row, col, cells)])) / cells * stretchX;
                    double centreY = (row + sigmoid(grid[channel(a, 1, row, col, cells)])) / cells * stretchY;
                    double w = Math.exp(grid[channel(a, 2, row, col, cells)]) * ANCHORS[a][0] / cells * stretchX;
                    double h = Math.exp(grid[channel(a, 3, row, col, cells)]) * ANCHORS[a][1] / cells * stretchY;
                    Box relative = new Box(centreX - w / 2, centreY - h / 2, w, h);
                    found.add(new Detection(relative.scale(width, height), score));
                    // END SOLUTION
                }
            }
        }
        return found;
    }

    /** Where value k of anchor a of cell (row, col) lies in the grid. */
    static int channel(int anchor, int k, int row, int col, int cells) {
        return ((anchor * 5 + k) * cells + row) * cells + col;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
