package dev.masquerade.tutorials;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import java.util.LinkedHashMap;
import java.util.Map;

/** Chapter 4, convolution and its two gradients: a 3×3 image, a 2×2 kernel, stride 1, no padding. */
public final class ConvolutionChapter extends Chapter {
    static final double[] IMAGE = {1, 2, 0, 3, 1, 1, 0, 2, 4};
    static final double[] KERNEL = {1, -1, 2, 0};
    /** The upstream gradient of the 2×2 output. */
    static final double[] G = {1, 0, 0, 1};

    public ConvolutionChapter() {
        super(4, "Convolution and its two gradients", "04-convolution.md");
    }

    // snippet: loops
    /** y[i][j] = Σ over a, b of w[a][b]·x[i + a][j + b]: a cross-correlation, as in every framework. */
    static double[] forward(double[] x, int size, double[] w, int k) {
        int out = size - k + 1;
        double[] y = new double[out * out];
        for (int i = 0; i < out; i++) {
            for (int j = 0; j < out; j++) {
                for (int a = 0; a < k; a++) {
                    for (int b = 0; b < k; b++) {
                        y[i * out + j] += w[a * k + b] * x[(i + a) * size + j + b];
                    }
                }
            }
        }
        return y;
    }

    /** dL/dw[a][b] = Σ over i, j of g[i][j]·x[i + a][j + b]: the input correlated with the output gradient. */
    static double[] weightGradient(double[] x, int size, double[] g, int k) {
        int out = size - k + 1;
        double[] dw = new double[k * k];
        for (int i = 0; i < out; i++) {
            for (int j = 0; j < out; j++) {
                for (int a = 0; a < k; a++) {
                    for (int b = 0; b < k; b++) {
                        dw[a * k + b] += g[i * out + j] * x[(i + a) * size + j + b];
                    }
                }
            }
        }
        return dw;
    }

    /** dL/dx[p][q] = Σ over i, j of g[i][j]·w[p − i][q − j]: each output scatters its gradient back through the kernel. */
    static double[] inputGradient(double[] w, int k, double[] g, int size) {
        int out = size - k + 1;
        double[] dx = new double[size * size];
        for (int i = 0; i < out; i++) {
            for (int j = 0; j < out; j++) {
                for (int a = 0; a < k; a++) {
                    for (int b = 0; b < k; b++) {
                        dx[(i + a) * size + j + b] += g[i * out + j] * w[a * k + b];
                    }
                }
            }
        }
        return dx;
    }
    // end snippet

    /** Four inputs and a 3-tap kernel for the one-dimensional Winograd example. */
    static final double[] ROW = {1, 2, 0, 3};
    static final double[] TAPS = {1, -1, 2};

    // snippet: winograd
    /** y[i] = Σ over a of g[a]·d[i + a] for i = 0, 1: Winograd's F(2, 3), four multiplications instead of six. */
    static double[] winograd(double[] d, double[] g) {
        double g1 = (g[0] + g[1] + g[2]) / 2, g2 = (g[0] - g[1] + g[2]) / 2; // G·g: once per kernel, not per output
        double m0 = (d[0] - d[2]) * g[0];
        double m1 = (d[1] + d[2]) * g1;
        double m2 = (d[2] - d[1]) * g2;
        double m3 = (d[1] - d[3]) * g[2];
        return new double[] {m0 + m1 + m2, m1 - m2 - m3};
    }
    // end snippet

    static Tensor image(double[] values, int size) {
        return Tensor.of(values, DType.F64, Device.CPU, 1, 1, size, size);
    }

    @Override
    public Map<String, Double> numbers() {
        double[] y = forward(IMAGE, 3, KERNEL, 2);
        double[] dw = weightGradient(IMAGE, 3, G, 2);
        double[] dx = inputGradient(KERNEL, 2, G, 3);
        Tensor g = image(G, 2);
        double[] engineDx = Gradients.engine(x -> x.conv2d(image(KERNEL, 2), null, 1, 0, 1).mul(g).sum(), IMAGE, 1, 1, 3, 3);
        double[] engineDw = Gradients.engine(w -> image(IMAGE, 3).conv2d(w, null, 1, 0, 1).mul(g).sum(), KERNEL, 1, 1, 2, 2);
        Map<String, Double> numbers = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            numbers.put("y" + i, y[i]);
        }
        for (int i = 0; i < 4; i++) {
            numbers.put("dw" + i, dw[i]);
        }
        for (int i = 0; i < 9; i++) {
            numbers.put("dx" + i, dx[i]);
        }
        numbers.put("engine dx max difference", MatmulChapter.maxDifference(engineDx, dx));
        numbers.put("engine dw max difference", MatmulChapter.maxDifference(engineDw, dw));
        double[] fast = winograd(ROW, TAPS);
        numbers.put("winograd y0", fast[0]);
        numbers.put("winograd y1", fast[1]);
        return numbers;
    }
}
