package dev.masquerade.tutorials;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.faces.TinyFaceDetector;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Chapter 20, depthwise-separable convolutions and carrying a trained network across
 * frameworks: what the separable layers of face-api's detector save, the depthwise gradients on
 * a two-channel example, and the small arithmetic of the transfer (quantisation, TensorFlow's
 * padding, the detector's pre-processing).
 */
public final class DepthwiseChapter extends Chapter {
    /** Chapter 4's image as channel 0, and a second channel. */
    static final double[] IMAGE = {1, 2, 0, 3, 1, 1, 0, 2, 4, /* channel 1 */ 2, 0, 1, 1, 3, 0, 1, 1, 2};
    /** Chapter 4's kernel for channel 0, another for channel 1: [2, 1, 2, 2]. */
    static final double[] KERNELS = {1, -1, 2, 0, /* channel 1 */ 0, 1, -1, 1};
    /**
     * The detector's separable layers: input channels, output channels, resolution. At input
     * 416 the first 3×3 convolution (no padding) leaves 414, its pool 207, and each later pool
     * halves, rounding up: 104, 52, 26, 13.
     */
    static final int[][] DETECTOR_LAYERS = {{16, 32, 207}, {32, 64, 104}, {64, 128, 52}, {128, 256, 26}, {256, 512, 13}};

    public DepthwiseChapter() {
        super(20, "Depthwise-separable convolutions; a trained network across frameworks", "20-face-networks.md");
    }

    // snippet: cost
    /** Multiplications per output pixel of a full k×k convolution from C channels to F. */
    static long fullCost(int k, int channels, int filters) {
        return (long) k * k * channels * filters;
    }

    /** The same for a depthwise k×k convolution (one filter per channel) followed by a 1×1 convolution to F. */
    static long separableCost(int k, int channels, int filters) {
        return (long) k * k * channels + (long) channels * filters;
    }
    // end snippet

    // snippet: loops
    /**
     * Depthwise: channel c of y is channel c of x correlated with filter c alone (chapter 4's
     * loop, once per channel). x [C, s, s], w [C, k, k], y [C, s − k + 1, s − k + 1].
     */
    static double[] forward(double[] x, int channels, int size, double[] w, int k) {
        int out = size - k + 1;
        double[] y = new double[channels * out * out];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < out; i++) {
                for (int j = 0; j < out; j++) {
                    for (int a = 0; a < k; a++) {
                        for (int b = 0; b < k; b++) {
                            y[(c * out + i) * out + j] += w[(c * k + a) * k + b] * x[(c * size + i + a) * size + j + b];
                        }
                    }
                }
            }
        }
        return y;
    }

    /** dL/dw[c] = x[c] ⋆ G[c], and dL/dx[c] = pad(G[c]) ⋆ flip(w[c]): chapter 4's two gradients, channel by channel. */
    static double[][] gradients(double[] x, int channels, int size, double[] w, int k, double[] g) {
        int out = size - k + 1;
        double[] dw = new double[w.length], dx = new double[x.length];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < out; i++) {
                for (int j = 0; j < out; j++) {
                    double grad = g[(c * out + i) * out + j];
                    for (int a = 0; a < k; a++) {
                        for (int b = 0; b < k; b++) {
                            dw[(c * k + a) * k + b] += grad * x[(c * size + i + a) * size + j + b];
                            dx[(c * size + i + a) * size + j + b] += grad * w[(c * k + a) * k + b];
                        }
                    }
                }
            }
        }
        return new double[][] {dw, dx};
    }
    // end snippet

    // snippet: quantise
    /** uint8 quantisation as TF.js stores it: q = round((v − min) / scale) with scale = (max − min) / 255, read back as q·scale + min. */
    static double[] quantise(double value, double min, double max) {
        double scale = (max - min) / 255;
        long q = Math.round((value - min) / scale);
        return new double[] {scale, q, q * scale + min};
    }
    // end snippet

    static Tensor tensor(double[] values, int... shape) {
        return Tensor.of(values, DType.F64, Device.CPU, shape);
    }

    @Override
    public Map<String, Double> numbers() {
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("full layer", (double) fullCost(3, 256, 512));
        numbers.put("separable layer", (double) separableCost(3, 256, 512));
        numbers.put("layer ratio", (double) fullCost(3, 256, 512) / separableCost(3, 256, 512));
        numbers.put("formula ratio", 1 / (1.0 / 512 + 1.0 / 9));
        long full = 0, separable = 0, fullParameters = 0, separableParameters = 0;
        for (int[] layer : DETECTOR_LAYERS) {
            full += fullCost(3, layer[0], layer[1]) * layer[2] * layer[2];
            separable += separableCost(3, layer[0], layer[1]) * layer[2] * layer[2];
            fullParameters += fullCost(3, layer[0], layer[1]) + layer[1];
            separableParameters += separableCost(3, layer[0], layer[1]) + layer[1];
        }
        numbers.put("detector full millions", full / 1e6);
        numbers.put("detector separable millions", separable / 1e6);
        numbers.put("detector parameters", (double) new TinyFaceDetector().parameterCount());
        long others = new TinyFaceDetector().parameterCount() - separableParameters;
        numbers.put("detector parameters if full", (double) (fullParameters + others));
        double[] y = forward(IMAGE, 2, 3, KERNELS, 2);
        double[] ones = {1, 1, 1, 1, 1, 1, 1, 1};
        double[][] grads = gradients(IMAGE, 2, 3, KERNELS, 2, ones);
        for (int i = 0; i < 4; i++) {
            numbers.put("y1 " + i, y[4 + i]);
        }
        for (int i = 0; i < 4; i++) {
            numbers.put("dw1 " + i, grads[0][4 + i]);
        }
        for (int i = 0; i < 9; i++) {
            numbers.put("dx1 " + i, grads[1][9 + i]);
        }
        Tensor g = tensor(ones, 1, 2, 2, 2);
        double[] engineDx = Gradients.engine(x -> x.conv2d(tensor(KERNELS, 2, 1, 2, 2), null, 1, 0, 1, 2).mul(g).sum(), IMAGE, 1, 2, 3, 3);
        double[] engineDw = Gradients.engine(w -> tensor(IMAGE, 1, 2, 3, 3).conv2d(w, null, 1, 0, 1, 2).mul(g).sum(), KERNELS, 2, 1, 2, 2);
        numbers.put("engine dx max difference", MatmulChapter.maxDifference(engineDx, grads[1]));
        numbers.put("engine dw max difference", MatmulChapter.maxDifference(engineDw, grads[0]));
        double[] q = quantise(0.1, -0.5, 0.7);
        numbers.put("scale", q[0]);
        numbers.put("q", q[1]);
        numbers.put("read back", q[2]);
        numbers.put("quantisation error", Math.abs(q[2] - 0.1));
        numbers.put("red in", (200 - 117.001) / 255);
        numbers.put("green in", (150 - 114.697) / 255);
        numbers.put("blue in", (100 - 97.404) / 255);
        return numbers;
    }
}
