package dev.masquerade.engine.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.testing.Gens;
import dev.masquerade.engine.testing.GradCheck;
import dev.masquerade.engine.testing.Layout;
import dev.masquerade.engine.testing.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Cheap algebraic facts that must hold on any input. */
class AlgebraPropertiesTest {

    private static Tensor random(Layout layout, int i) {
        return Tensor.randn(new Rng(31L * layout.hashCode() + i), DType.F64, Device.CPU, layout.shape(i));
    }

    private static void assertClose(Tensor expected, Tensor actual, double tolerance) {
        double error = GradCheck.relativeError(actual.toDoubleArray(), expected.toDoubleArray());
        assertTrue(error <= tolerance, "relative error " + error);
    }

    @TestFactory
    Stream<DynamicTest> properties() {
        return Stream.of(
                Property.forAll("softmax sums to 1 along its axis", Gens.shapeWithAxis()).test(l -> {
                    Tensor s = random(l, 0).mul(5).softmax(l.param(5)).sum(new int[] {l.param(5)}, false);
                    assertClose(Tensor.onesLike(s), s, 1e-12);
                }),
                Property.forAll("logsumexp is at least the max", Gens.shapeWithAxis()).test(l -> {
                    Tensor x = random(l, 0).mul(10);
                    int[] axis = {l.param(5)};
                    double[] lse = x.logsumexp(axis, false).toDoubleArray();
                    double[] max = x.max(axis, false).toDoubleArray();
                    for (int i = 0; i < lse.length; i++) {
                        assertTrue(lse[i] >= max[i] && lse[i] <= max[i] + Math.log(x.size(l.param(5))) + 1e-12);
                    }
                }),
                Property.forAll("matmul is associative", Gens.structured(new int[] {1, 1, 1, 1}, new int[] {6, 6, 6, 6}, p -> true,
                        p -> List.of(new int[] {p[0], p[1]}, new int[] {p[1], p[2]}, new int[] {p[2], p[3]}))).test(l -> {
                    Tensor a = random(l, 0), b = random(l, 1), c = random(l, 2);
                    assertClose(a.matmul(b).matmul(c), a.matmul(b.matmul(c)), 1e-12);
                }),
                Property.forAll("conv2d equals its im2col-matmul definition", Gens.structured(
                        new int[] {1, 1, 1, 1, 1, 1, 1, 0, 1}, new int[] {2, 3, 7, 7, 3, 3, 2, 2, 2},
                        p -> Math.min(p[2], p[3]) + 2 * p[7] >= p[8] * (p[5] - 1) + 1,
                        p -> List.of(new int[] {p[0], p[1], p[2], p[3]}, new int[] {p[4], p[1], p[5], p[5]}))).test(l -> {
                    Tensor x = random(l, 0), w = random(l, 1);
                    int k = l.param(5), stride = l.param(6), padding = l.param(7), dilation = l.param(8);
                    assertClose(x.conv2d(w, null, stride, padding, dilation), im2colConvolution(x, w, stride, padding, dilation), 1e-12);
                }));
    }

    /**
     * The definition, written with views only: each kernel tap (ky, kx) sees a strided slice of
     * the padded input; stacking the slices gives the im2col matrix, and a matmul with the
     * flattened weight sums over channels and taps.
     */
    private static Tensor im2colConvolution(Tensor x, Tensor w, int stride, int padding, int dilation) {
        int n = x.size(0), c = x.size(1), f = w.size(0), k = w.size(2);
        Tensor padded = x.pad(new int[] {padding, padding, padding, padding}, 0);
        int outH = (padded.size(2) - dilation * (k - 1) - 1) / stride + 1;
        int outW = (padded.size(3) - dilation * (k - 1) - 1) / stride + 1;
        List<Tensor> taps = new ArrayList<>();
        for (int ky = 0; ky < k; ky++) {
            for (int kx = 0; kx < k; kx++) {
                taps.add(padded.slice(2, ky * dilation, ky * dilation + (outH - 1) * stride + 1, stride)
                        .slice(3, kx * dilation, kx * dilation + (outW - 1) * stride + 1, stride));
            }
        }
        Tensor columns = Tensor.stack(taps, 2).reshape(n, c * k * k, outH * outW); // [N, C·k·k, pixels]
        return w.reshape(f, c * k * k).matmul(columns).reshape(n, f, outH, outW);
    }
}
