package dev.masquerade.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import org.junit.jupiter.api.Test;

/** A 1-d convolution is a 2-d one a row high: the same numbers as the sum written out, PyTorch's weight layout. */
class Conv1dTest {
    @Test
    void eachOutputIsTheWeightedSumOfItsWindowPlusTheBias() {
        Rng rng = new Rng(3);
        Conv1d conv = new Conv1d(2, 3, 3, 2, 1, rng);
        Tensor x = Tensor.randn(rng, 2, 2, 9);
        Tensor y = conv.forward(x);
        assertArrayEquals(new int[] {2, 3, 5}, y.shape(), "(9 + 2·1 − 3)/2 + 1 = 5 frames");
        assertArrayEquals(new int[] {3, 2, 3}, conv.weight().value().shape(), "[out, in, k] as PyTorch's Conv1d");
        double[] w = conv.weight().value().toDoubleArray(), b = conv.bias().value().toDoubleArray(), in = x.toDoubleArray(), out = y.toDoubleArray();
        for (int n = 0; n < 2; n++) {
            for (int o = 0; o < 3; o++) {
                for (int t = 0; t < 5; t++) {
                    double sum = b[o];
                    for (int c = 0; c < 2; c++) {
                        for (int k = 0; k < 3; k++) {
                            int at = 2 * t - 1 + k;
                            sum += at >= 0 && at < 9 ? w[(o * 2 + c) * 3 + k] * in[(n * 2 + c) * 9 + at] : 0;
                        }
                    }
                    assertEquals(sum, out[(n * 3 + o) * 5 + t], 1e-5, "n " + n + ", o " + o + ", t " + t);
                }
            }
        }
    }

    @Test
    void gradientsReachTheWeightAndTheInput() {
        Rng rng = new Rng(4);
        Conv1d conv = new Conv1d(2, 2, 3, 1, 1, rng);
        Tensor x = Tensor.randn(rng, 1, 2, 6).requiresGrad(true);
        conv.forward(x).sum().backward();
        assertArrayEquals(new int[] {2, 2, 3}, conv.weight().grad().shape());
        assertTrue(x.grad().abs().sum().item() > 0);
    }

    @Test
    void aPictureInsteadOfASequenceIsRefusedByShape() {
        Conv1d conv = new Conv1d(2, 2, 3, 1, 1, new Rng(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> conv.forward(Tensor.zeros(1, 2, 4, 4)));
        assertEquals("Conv1d(2 -> 2): needs [N, 2, T], got [1, 2, 4, 4]", e.getMessage());
    }
}
