package dev.masquerade.engine.cpu;

import static dev.masquerade.engine.cpu.FastKernelsTest.assertConvolutionsAgree;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.backend.Conv2dGeometry;
import dev.masquerade.engine.testing.Gens;
import dev.masquerade.engine.testing.GradCheck;
import dev.masquerade.engine.testing.Layout;
import dev.masquerade.engine.testing.Property;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * 3×3 stride-1 convolutions by Winograd's F(2×2, 3×3) and F(4×4, 3×3): the forward pass and the
 * weight gradient agree with plain loops in float64 on any size (odd sizes cut the last
 * tiles short; paddings 0 to 2; tile rows wider than one vector; blocks of tile rows that run
 * from one image into the next), and the backend sends the layers where the transforms pay
 * through them, input gradient included, agreeing with the reference kernels. The tests
 * against the plain loops grade coursework task 3.3 (they need nothing a later task writes).
 */
class WinogradConvolutionTest {
    private static float[] floats(Tensor t) {
        double[] values = t.toDoubleArray();
        float[] result = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (float) values[i];
        }
        return result;
    }

    private static double[] doubles(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }

    private static void close(String what, double[] expected, float[] actual) {
        double error = GradCheck.relativeError(doubles(actual), expected);
        assertTrue(error <= 1e-5, what + ": Winograd and direct loops differ by " + error + " relative");
    }

    /** The plain loops in float64: y[n][f][i][j] = Σ over c, a, b of w[f][c][a][b]·x[n][c][i + a − p][j + b − p]. */
    private static double[] directForward(float[] x, float[] w, int batch, int channels, int height, int width, int filters, int p) {
        int outH = height + 2 * p - 2, outW = width + 2 * p - 2;
        double[] y = new double[batch * filters * outH * outW];
        for (int n = 0; n < batch; n++) {
            for (int f = 0; f < filters; f++) {
                for (int i = 0; i < outH; i++) {
                    for (int j = 0; j < outW; j++) {
                        double sum = 0;
                        for (int c = 0; c < channels; c++) {
                            for (int a = 0; a < 3; a++) {
                                for (int b = 0; b < 3; b++) {
                                    int iy = i + a - p, ix = j + b - p;
                                    if (iy >= 0 && iy < height && ix >= 0 && ix < width) {
                                        sum += w[((f * channels + c) * 3 + a) * 3 + b] * (double) x[((n * channels + c) * height + iy) * width + ix];
                                    }
                                }
                            }
                        }
                        y[((n * filters + f) * outH + i) * outW + j] = sum;
                    }
                }
            }
        }
        return y;
    }

    /** The plain loops in float64: ∂w[f][c][a][b] = Σ over n, i, j of ∂y[n][f][i][j]·x[n][c][i + a − p][j + b − p]. */
    private static double[] directWeightGradient(float[] x, float[] gy, int batch, int channels, int height, int width, int filters, int p) {
        int outH = height + 2 * p - 2, outW = width + 2 * p - 2;
        double[] dw = new double[filters * channels * 9];
        for (int f = 0; f < filters; f++) {
            for (int c = 0; c < channels; c++) {
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        double sum = 0;
                        for (int n = 0; n < batch; n++) {
                            for (int i = 0; i < outH; i++) {
                                for (int j = 0; j < outW; j++) {
                                    int iy = i + a - p, ix = j + b - p;
                                    if (iy >= 0 && iy < height && ix >= 0 && ix < width) {
                                        sum += gy[((n * filters + f) * outH + i) * outW + j] * (double) x[((n * channels + c) * height + iy) * width + ix];
                                    }
                                }
                            }
                        }
                        dw[((f * channels + c) * 3 + a) * 3 + b] = sum;
                    }
                }
            }
        }
        return dw;
    }

    /** The forward pass and the weight gradient of one layer by {@code transform}, against the plain loops. */
    private static void agreesDirectly(WinogradTransform transform, Rng rng, int batch, int channels, int height, int width,
                                       int filters, int padding) {
        Conv2dGeometry g = Conv2dGeometry.square(1, padding, 1);
        int outH = g.outputHeight(height, 3), outW = g.outputWidth(width, 3);
        float[] x = floats(Tensor.randn(rng, DType.F32, Device.CPU, batch, channels, height, width));
        float[] w = floats(Tensor.randn(rng, DType.F32, Device.CPU, filters, channels, 3, 3));
        float[] gy = floats(Tensor.randn(rng, DType.F32, Device.CPU, batch, filters, outH, outW));
        var winograd = new WinogradConvolution(transform, new Im2col(channels, height, width, 3, 3, g), filters, batch);
        float[] y = new float[batch * filters * outH * outW];
        winograd.forward(x, 0, w, 0, y, 0);
        close("forward", directForward(x, w, batch, channels, height, width, filters, padding), y);
        close("weight gradient", directWeightGradient(x, gy, batch, channels, height, width, filters, padding), winograd.backwardWeight(x, 0, gy, 0));
    }

    @TestFactory
    @Tag("task-3.3")
    Stream<DynamicTest> bothTransformsEqualTheReferenceOnAnySize() {
        // params [N, C, H, W, F, padding]: widths up to 44 make tile rows of up to 22 tiles
        var layers = Gens.structured(new int[] {1, 1, 1, 1, 1, 0}, new int[] {3, 9, 11, 42, 9, 2},
                p -> p[2] + 2 * p[5] >= 3 && p[3] + 2 * p[5] >= 3, p -> List.of());
        return Stream.of(WinogradTransform.F2, WinogradTransform.F4).map(transform ->
                Property.forAll("F(" + transform.m + "x" + transform.m + ", 3x3) forward and weight gradient equal the reference", layers)
                        .tries(50).test((Layout l) -> agreesDirectly(transform, new Rng(l.hashCode()), l.param(0), l.param(1), l.param(2),
                                l.param(3), l.param(4), l.param(5))));
    }

    @Test
    @Tag("task-3.3")
    void blocksOfTileRowsCrossFromOneImageIntoTheNext() {
        // 64 wide: 16 tiles of F(4x4) a row, so blocks of 8 tile rows; 10 tile rows an image: blocks 2, 3 and 4 span two
        agreesDirectly(WinogradTransform.F4, new Rng(1), 3, 5, 40, 64, 7, 1);
        agreesDirectly(WinogradTransform.F2, new Rng(2), 3, 5, 40, 64, 7, 1);
    }

    @Test
    void theBackendRunsWideLayersThisWayInputGradientIncluded() {
        Conv2dGeometry same = Conv2dGeometry.square(1, 1, 1);
        Rng rng = new Rng(3);
        int[][] layers = {{4, 32, 32, 40, 40}, {64, 32, 8, 8, 32}, {7, 32, 17, 29, 33}, {4, 64, 32, 32, 64}}; // N, C, H, W, F
        for (int[] l : layers) {
            assertTrue(WinogradConvolution.applies(new Im2col(l[1], l[2], l[3], 3, 3, same), l[4], l[0]), "runs by Winograd's algorithm");
            Tensor x = Tensor.randn(rng, DType.F32, Device.CPU, l[0], l[1], l[2], l[3]);
            Tensor weight = Tensor.randn(rng, DType.F32, Device.CPU, l[4], l[1], 3, 3);
            assertConvolutionsAgree(x, weight, Tensor.randn(rng, DType.F32, Device.CPU, l[0], l[4], l[2], l[3]), same);
        }
    }

    @Test
    void appliesOnlyWhereTheTransformsPay() {
        Conv2dGeometry same = Conv2dGeometry.square(1, 1, 1);
        assertTrue(WinogradConvolution.applies(new Im2col(64, 32, 32, 3, 3, same), 128, 16), "the conv3x3 benchmark's layer");
        assertFalse(WinogradConvolution.applies(new Im2col(64, 32, 32, 3, 3, Conv2dGeometry.square(2, 1, 1)), 128, 16), "stride 2");
        assertFalse(WinogradConvolution.applies(new Im2col(64, 32, 32, 3, 3, Conv2dGeometry.square(1, 2, 2)), 128, 16), "dilation 2");
        assertFalse(WinogradConvolution.applies(new Im2col(64, 32, 32, 5, 5, same), 128, 16), "5x5 kernel");
        assertFalse(WinogradConvolution.applies(new Im2col(3, 32, 32, 3, 3, same), 128, 16), "3 channels");
        assertFalse(WinogradConvolution.applies(new Im2col(16, 32, 32, 3, 3, same), 32, 16), "16 channels");
        assertTrue(WinogradConvolution.applies(new Im2col(32, 32, 32, 3, 3, same), 128, 16), "32 channels");
        assertFalse(WinogradConvolution.appliesToWeightGradient(new Im2col(32, 32, 32, 3, 3, same), 128, 16), "32 channels' weight gradient");
        assertTrue(WinogradConvolution.appliesToWeightGradient(new Im2col(64, 32, 32, 3, 3, same), 128, 16), "64 channels' weight gradient");
        assertFalse(WinogradConvolution.applies(new Im2col(64, 32, 32, 3, 3, same), 3, 16), "3 filters");
        assertFalse(WinogradConvolution.applies(new Im2col(64, 32, 32, 3, 3, Conv2dGeometry.square(1, 3, 1)), 128, 16), "padding 3");
        assertFalse(WinogradConvolution.applies(new Im2col(512, 4, 4, 3, 3, same), 1024, 16), "16 tiles: the weights cost more to transform than the products save");
    }
}
