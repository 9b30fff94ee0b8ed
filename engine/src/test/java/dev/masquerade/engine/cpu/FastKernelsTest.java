package dev.masquerade.engine.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.backend.Conv2dGeometry;
import dev.masquerade.engine.backend.UnaryOp;
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
 * The fast float32 kernels (Vector API GEMM, im2col convolutions) agree with the plain
 * reference kernels on random problems, including awkward sizes that leave partial register
 * tiles and partial cache blocks, and operands read through transposed strides; copies of
 * strided views (tiled transposes, pixel shuffles) match element for element.
 */
class FastKernelsTest {
    /** Sizes that hit edge cases of the 6×16 tile and of the blocks of rows ({@link VectorGemm#MC} = 120). */
    private static final int[] SIZES = {1, 2, 7, 16, 31, 33, 64, 129};
    private static final double TOLERANCE = 1e-5;
    private static final FastCpuBackend fast = new FastCpuBackend();
    private static final ReferenceCpuBackend reference = new ReferenceCpuBackend();

    private static Tensor random(Layout layout, int salt, int... shape) {
        return Tensor.randn(new Rng(layout.hashCode() * 31L + salt), DType.F32, Device.CPU, shape);
    }

    static void assertClose(Tensor expected, Tensor actual) {
        double error = GradCheck.relativeError(actual.toDoubleArray(), expected.toDoubleArray());
        assertTrue(error <= TOLERANCE, "fast and reference kernels differ by " + error + " relative");
    }

    @Test
    void theVectorApiIsInUseInTheseTests() {
        assertTrue(CpuFeatures.VECTOR, "Surefire passes --add-modules jdk.incubator.vector; the fast path should be on");
    }

    @TestFactory
    Stream<DynamicTest> fastEqualsReference() {
        int last = SIZES.length - 1;
        // params [N, C, H, W, F, kernel, stride, padding, dilation]
        var convolutions = Gens.structured(new int[] {1, 1, 1, 1, 1, 1, 1, 0, 1}, new int[] {3, 9, 12, 12, 20, 5, 3, 2, 2},
                p -> Math.min(p[2], p[3]) + 2 * p[7] >= p[8] * (p[5] - 1) + 1, p -> List.of());
        // params [rows, cols as indices into SIZES, view: 0 transposed matrix, 1 transposed part of a matrix, 2 pixel shuffle]
        var copies = Gens.structured(new int[] {0, 0, 0}, new int[] {last, last, 2}, p -> true, p -> List.of());
        return Stream.of(
                Property.forAll("copy of a strided view: fast equals reference, element for element", copies).test(l -> {
                    int rows = SIZES[l.param(0)], cols = SIZES[l.param(1)];
                    Tensor view = switch (l.param(2)) {
                        case 0 -> random(l, 1, cols, rows).transpose(0, 1);
                        case 1 -> random(l, 1, cols + 3, rows + 2).narrow(0, 1, cols).narrow(1, 2, rows).transpose(0, 1);
                        default -> random(l, 1, 2, 4 * rows, 3, cols).reshape(2, rows, 2, 2, 3, cols).permute(0, 1, 4, 2, 5, 3);
                    };
                    Tensor expected = Tensor.empty(DType.F32, Device.CPU, view.shape());
                    Tensor actual = Tensor.empty(DType.F32, Device.CPU, view.shape());
                    reference.copy(view.array(), expected.array());
                    fast.copy(view.array(), actual.array());
                    assertArrayEquals(expected.toDoubleArray(), actual.toDoubleArray());
                }),
                Property.forAll("conv2d forward and both backward passes: fast equals reference", convolutions).test(l -> {
                    int batch = l.param(0), channels = l.param(1), h = l.param(2), w = l.param(3), filters = l.param(4), k = l.param(5);
                    Conv2dGeometry g = Conv2dGeometry.square(l.param(6), l.param(7), l.param(8));
                    Tensor x = random(l, 1, batch, channels, h, w);
                    Tensor weight = random(l, 2, filters, channels, k, k);
                    int[] outShape = {batch, filters, g.outputHeight(h, k), g.outputWidth(w, k)};
                    assertConvolutionsAgree(x, weight, random(l, 3, outShape), g);
                }));
    }

    /** The forward pass and both gradients of one convolution, fast against reference. */
    static void assertConvolutionsAgree(Tensor x, Tensor weight, Tensor gradOutput, Conv2dGeometry g) {
        int[] outShape = gradOutput.shape();
        Tensor expected = Tensor.empty(DType.F32, Device.CPU, outShape);
        Tensor actual = Tensor.empty(DType.F32, Device.CPU, outShape);
        reference.conv2d(x.array(), weight.array(), expected.array(), g);
        fast.conv2d(x.array(), weight.array(), actual.array(), g);
        assertClose(expected, actual);
        Tensor expectedInput = Tensor.empty(DType.F32, Device.CPU, x.shape());
        Tensor actualInput = Tensor.empty(DType.F32, Device.CPU, x.shape());
        reference.conv2dBackwardInput(gradOutput.array(), weight.array(), expectedInput.array(), g);
        fast.conv2dBackwardInput(gradOutput.array(), weight.array(), actualInput.array(), g);
        assertClose(expectedInput, actualInput);
        Tensor expectedWeight = Tensor.empty(DType.F32, Device.CPU, weight.shape());
        Tensor actualWeight = Tensor.empty(DType.F32, Device.CPU, weight.shape());
        reference.conv2dBackwardWeight(x.array(), gradOutput.array(), expectedWeight.array(), g);
        fast.conv2dBackwardWeight(x.array(), gradOutput.array(), actualWeight.array(), g);
        assertClose(expectedWeight, actualWeight);
    }

    @Test
    void convolutionsPackEveryPanelStraightFromTheImages() {
        // 64 channels × 25 taps = 1,600 rows: four depth blocks of the forward's panels; 2 × 20 × 20
        // output pixels: two of the weight gradient's; one image alone makes the GEMM split its
        // columns between threads, so panels also start in the middle of an image. Outputs under
        // 64 pixels wide are gathered pixel by pixel (20 wide, and 10 from stride-2 phases),
        // wider ones copied run by run (70, and 67 from stride-2 phases). (5×5 kernels, because
        // 3×3 stride-1 layers this wide go to WinogradConvolution instead.)
        int[][] sizeStrideChannels = {{20, 1, 64}, {20, 2, 64}, {70, 1, 8}, {134, 2, 8}};
        for (int batch : new int[] {1, 2}) {
            for (int[] c : sizeStrideChannels) {
                int size = c[0];
                Conv2dGeometry g = Conv2dGeometry.square(c[1], 2, 1);
                Rng rng = new Rng(batch * 100L + size * 10L + c[1]);
                Tensor x = Tensor.randn(rng, DType.F32, Device.CPU, batch, c[2], size, size);
                Tensor weight = Tensor.randn(rng, DType.F32, Device.CPU, 40, c[2], 5, 5);
                Tensor gradOutput = Tensor.randn(rng, DType.F32, Device.CPU, batch, 40, g.outputHeight(size, 5), g.outputWidth(size, 5));
                assertConvolutionsAgree(x, weight, gradOutput, g);
            }
        }
    }

    @Test
    void singlePlaneConvolutionsSuchAsPoolingAgreeWithTheReference() {
        // average pooling convolves every plane with one constant kernel: 2×2 and 4×4 windows,
        // an unpadded dilated kernel, and a padded, dilated, strided kernel for the edges
        Conv2dGeometry[] geometries = {Conv2dGeometry.square(2, 0, 1), Conv2dGeometry.square(4, 0, 1), Conv2dGeometry.square(1, 0, 2),
            Conv2dGeometry.square(2, 2, 2)};
        int[] kernels = {2, 4, 3, 3};
        for (int i = 0; i < geometries.length; i++) {
            Conv2dGeometry g = geometries[i];
            Rng rng = new Rng(i);
            Tensor x = Tensor.randn(rng, DType.F32, Device.CPU, 12, 1, 16, 16);
            Tensor weight = Tensor.randn(rng, DType.F32, Device.CPU, 1, 1, kernels[i], kernels[i]);
            Tensor gradOutput = Tensor.randn(rng, DType.F32, Device.CPU, 12, 1, g.outputHeight(16, kernels[i]), g.outputWidth(16, kernels[i]));
            assertConvolutionsAgree(x, weight, gradOutput, g);
        }
    }

    /** Coursework task 3.1, the blocked loops of {@link VectorGemm}, is graded by this and the next test. */
    @Tag("task-3.1")
    @TestFactory
    Stream<DynamicTest> fastMatmulEqualsReference() {
        // params [m, k, n as indices into SIZES, transpose A, transpose B, batches, B shared across the batch]
        int last = SIZES.length - 1;
        var matmuls = Gens.structured(new int[] {0, 0, 0, 0, 0, 1, 0}, new int[] {last, last, last, 1, 1, 3, 1}, p -> true,
                p -> List.of());
        return Stream.of(Property.forAll("matmul: fast equals reference", matmuls).test(l -> {
            int m = SIZES[l.param(0)], k = SIZES[l.param(1)], n = SIZES[l.param(2)], batches = l.param(5);
            boolean ta = l.param(3) == 1, tb = l.param(4) == 1;
            Tensor a = ta ? random(l, 1, batches, k, m) : random(l, 1, batches, m, k);
            Tensor b = tb ? random(l, 2, 1, n, k) : random(l, 2, 1, k, n);
            if (l.param(6) == 0) {
                b = b.expand(batches, b.size(1), b.size(2)).contiguous();
            } else {
                b = b.expand(batches, b.size(1), b.size(2)); // batch stride 0: one matrix shared
            }
            Tensor expected = Tensor.empty(DType.F32, Device.CPU, batches, m, n);
            Tensor actual = Tensor.empty(DType.F32, Device.CPU, batches, m, n);
            reference.matmul(a.array(), ta, b.array(), tb, expected.array());
            fast.matmul(a.array(), ta, b.array(), tb, actual.array());
            assertClose(expected, actual);
            // the same product from transposed views instead of transpose flags
            Tensor viaViews = Tensor.empty(DType.F32, Device.CPU, batches, m, n);
            fast.matmul((ta ? a.transpose(1, 2) : a).array(), false, (tb ? b.transpose(1, 2) : b).array(), false, viaViews.array());
            assertClose(expected, viaViews);
        }));
    }

    @Tag("task-3.1")
    @Test
    void aProductDeeperThanOneDepthBlockAddsTheBlocksUp() {
        // k needs three depth blocks, so C is written once and then added to twice
        int m = 13, k = 2 * VectorGemm.KC + 7, n = 37;
        for (boolean transposeA : new boolean[] {false, true}) {
            for (boolean transposeB : new boolean[] {false, true}) {
                Tensor a = transposeA ? Tensor.randn(new Rng(1), 1, k, m) : Tensor.randn(new Rng(1), 1, m, k);
                Tensor b = transposeB ? Tensor.randn(new Rng(2), 1, n, k) : Tensor.randn(new Rng(2), 1, k, n);
                Tensor expected = Tensor.empty(DType.F32, Device.CPU, 1, m, n);
                Tensor actual = Tensor.empty(DType.F32, Device.CPU, 1, m, n);
                reference.matmul(a.array(), transposeA, b.array(), transposeB, expected.array());
                fast.matmul(a.array(), transposeA, b.array(), transposeB, actual.array());
                assertClose(expected, actual);
            }
        }
    }

    @Test
    void piecewiseLinearFunctionsMatchTheReferenceIncludingTailsZerosAndInfinities() {
        for (int n : new int[] {1, 7, 8, 33, 1000}) {
            float[] values = Tensor.randn(new Rng(n), DType.F32, Device.CPU, n).toFloatArray();
            values[0] = 0f; // the sign test: zero is not positive
            if (n > 2) {
                values[1] = Float.NEGATIVE_INFINITY;
                values[2] = -0f;
            }
            Tensor x = Tensor.of(values, n);
            for (UnaryOp op : new UnaryOp[] {UnaryOp.RELU, UnaryOp.STEP, UnaryOp.LEAKY_RELU, UnaryOp.NEG, UnaryOp.ABS, UnaryOp.CLAMP}) {
                double[] params = op == UnaryOp.LEAKY_RELU ? new double[] {0.2} : op == UnaryOp.CLAMP ? new double[] {-0.5, 0.5} : new double[0];
                Tensor expected = Tensor.empty(DType.F32, Device.CPU, n);
                Tensor actual = Tensor.empty(DType.F32, Device.CPU, n);
                reference.unary(op, x.array(), expected.array(), params);
                fast.unary(op, x.array(), actual.array(), params);
                // leaky relu's slope is a float on the fast path, a double in the reference: one rounding apart
                float tolerance = op == UnaryOp.LEAKY_RELU ? 1e-7f : 0f;
                assertArrayEquals(expected.toFloatArray(), actual.toFloatArray(), tolerance, op + " on " + n + " values");
            }
        }
    }

    @Test
    void aOneByOneConvolutionIsAMatrixProductPerPixel() {
        Tensor x = Tensor.randn(new Rng(5), 2, 33, 7, 9);
        Tensor weight = Tensor.randn(new Rng(6), 17, 33, 1, 1);
        Tensor viaConv = x.conv2d(weight, null, 1, 0, 1);
        Tensor viaMatmul = weight.reshape(17, 33).matmul(x.reshape(2, 33, 63)).reshape(2, 17, 7, 9);
        assertClose(viaMatmul, viaConv);
    }

    @Test
    void reductionsBigEnoughToRunInParallelAreExactAndDeterministic() {
        int n = 1 << 20;
        assertEquals(n, Tensor.ones(n).sum().item(), 0);
        Tensor x = Tensor.randn(new Rng(9), DType.F64, Device.CPU, 1000, 300);
        double[] values = x.toDoubleArray();
        double[] columnSums = new double[300];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            columnSums[i % 300] += values[i];
            max = Math.max(max, values[i]);
        }
        assertTrue(GradCheck.relativeError(columnSums, x.sum(new int[] {0}, false).toDoubleArray()) < 1e-13);
        assertEquals(max, x.max().item(), 0);
        assertEquals(x.sum().item(), x.sum().item(), 0); // same order of additions every time
    }

    @Test
    void float32SumsAndMaximaOverAnyAxesMatchTheReferencesDoubleFolds() {
        Tensor x = Tensor.randn(new Rng(11), DType.F32, Device.CPU, 3, 5, 7, 37); // rows of 37: vector bodies and tails
        for (int[] axes : new int[][] {{3}, {0, 2, 3}, {1}, {0, 1, 2, 3}, {2, 3}}) {
            for (var op : dev.masquerade.engine.backend.ReduceOp.values()) {
                int[] kept = x.shape();
                for (int axis : axes) {
                    kept[axis] = 1;
                }
                Tensor expected = Tensor.empty(DType.F32, Device.CPU, kept);
                Tensor actual = Tensor.empty(DType.F32, Device.CPU, kept);
                reference.reduce(op, x.array(), axes, expected.array());
                fast.reduce(op, x.array(), axes, actual.array());
                // both add in double; rounding to float32 at the end hides the different order of the additions
                assertArrayEquals(expected.toFloatArray(), actual.toFloatArray(), 0f, op + " over " + java.util.Arrays.toString(axes));
            }
        }
    }
}
