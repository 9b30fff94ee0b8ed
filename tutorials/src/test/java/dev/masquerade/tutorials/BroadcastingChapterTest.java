package dev.masquerade.tutorials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import org.junit.jupiter.api.Test;

/** Chapter 2: the broadcast input's gradient is the column sum, by autograd and by central differences. */
class BroadcastingChapterTest {
    @Test
    void theEngineAgreesWithCentralDifferencesAndKeepsTheInputsShape() {
        Tensor a = Tensor.of(BroadcastingChapter.A, DType.F64, Device.CPU, 2, 3);
        Tensor g = Tensor.of(BroadcastingChapter.G, DType.F64, Device.CPU, 2, 3);
        double[][] engine = BroadcastingChapter.engineGradients();
        assertArrayEquals(Gradients.numeric(b -> a.add(b).mul(g).sum(), BroadcastingChapter.B, 3), engine[0], 1e-6);
        assertArrayEquals(Gradients.numeric(b -> a.mul(b).mul(g).sum(), BroadcastingChapter.B, 3), engine[1], 1e-6);
        assertArrayEquals(new double[] {0.5, 0.7, 0.9}, BroadcastingChapter.sumOverRows(BroadcastingChapter.G, 2, 3), 1e-12);
        Tensor b = Tensor.of(BroadcastingChapter.B, DType.F64, Device.CPU, 3).requiresGrad(true);
        a.add(b).mul(g).sum().backward();
        assertArrayEquals(new int[] {3}, b.grad().shape());
    }
}
