package dev.masquerade.engine.ops;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Autograd;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.testing.GradCheck;
import dev.masquerade.engine.testing.HostTensor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The gradient checker itself: it must accept a right backward pass and reject wrong ones. */
class GradCheckTest {
    private static final List<HostTensor> INPUT = List.of(HostTensor.contiguous(new double[] {0.3, -1.2, 0.7, 1.9, -0.4, 0.1}, new int[] {2, 3}, DType.F64));

    /** exp with its forward right and the given backward. */
    private static GradCheck.Op expWithBackward(double factor, boolean swapElements) {
        return inputs -> {
            Tensor x = inputs.get(0);
            Tensor y = x.exp().detach();
            return Autograd.record("exp-under-test", y, g -> {
                Tensor grad = g.mul(y).mul(factor);
                return new Tensor[] {swapElements ? grad.reshape(6).slice(0, 0, 6, 1).reshape(3, 2).transpose(0, 1).contiguous().reshape(2, 3) : grad};
            }, x);
        };
    }

    @Test
    void acceptsACorrectBackward() {
        assertDoesNotThrow(() -> GradCheck.assertGradientsMatch(expWithBackward(1, false), INPUT, List.of(true), new SplittableRandom(1)));
    }

    @Test
    void rejectsABackwardWithTheWrongScale() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> GradCheck.assertGradientsMatch(expWithBackward(1.001, false), INPUT, List.of(true), new SplittableRandom(1)));
        assertTrue(error.getMessage().contains("relative error"), error.getMessage());
    }

    @Test
    void rejectsABackwardThatMixesUpElements() {
        assertThrows(AssertionError.class,
                () -> GradCheck.assertGradientsMatch(expWithBackward(1, true), INPUT, List.of(true), new SplittableRandom(1)));
    }

    @Test
    void relativeErrorIsScaleFree() {
        double[] a = {1, 2, 3};
        double[] b = {1, 2, 3.000003};
        double small = GradCheck.relativeError(a, b);
        double scaled = GradCheck.relativeError(new double[] {1e6, 2e6, 3e6}, new double[] {1e6, 2e6, 3.000003e6});
        assertTrue(Math.abs(small - scaled) < 1e-12 && small > 1e-7 && small < 1e-6, small + " vs " + scaled);
    }
}
