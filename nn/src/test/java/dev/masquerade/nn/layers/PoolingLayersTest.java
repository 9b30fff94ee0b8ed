package dev.masquerade.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import org.junit.jupiter.api.Test;

/**
 * The pooling layers give PyTorch's values, defaults included. Expected numbers from PyTorch 1.13
 * (Debian's python3-torch): {@code x = (torch.arange(25, dtype=torch.float64).reshape(1, 1, 5, 5) * 7 % 11) - 5},
 * then {@code nn.MaxPool2d(3, 2, 1)(x)}, {@code nn.MaxPool2d(2)(x)}, {@code nn.AvgPool2d(2)(x)}, {@code nn.AvgPool2d(3, 2, 1)(x)}.
 */
class PoolingLayersTest {
    private static final Tensor X = Tensor.of(new double[] {-5, 2, -2, 5, 1, -3, 4, 0, -4, 3, -1, -5, 2, -2, 5, 1, -3, 4, 0, -4, 3, -1, -5, 2, -2},
            DType.F64, 1, 1, 5, 5);

    @Test
    void maxPoolingStridesByItsKernelUnlessToldAndPadsWithWhatNeverWins() {
        assertArrayEquals(new double[] {4, 5, 1, 4}, new MaxPool2d(2).forward(X).toDoubleArray());
        assertArrayEquals(new double[] {4, 5, 5, 4, 4, 5, 3, 4, 2}, new MaxPool2d(3, 2, 1).forward(X).toDoubleArray());
    }

    @Test
    void averagePoolingStridesByItsKernelUnlessToldAndCountsPaddingZeros() {
        assertArrayEquals(new double[] {-0.5, -0.25, -2, 1}, new AvgPool2d(2).forward(X).toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {-0.2222222222222222, 0.5555555555555556, 0.5555555555555556, -0.7777777777777778,
            -0.4444444444444444, -0.2222222222222222, 0.0, -0.3333333333333333, -0.4444444444444444},
                new AvgPool2d(3, 2, 1).forward(X).toDoubleArray(), 1e-15);
    }

    @Test
    void aWindowThatCannotPoolIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MaxPool2d(0));
        assertThrows(IllegalArgumentException.class, () -> new AvgPool2d(2, 2, 2), "padding over half the kernel");
    }
}
