package dev.masquerade.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reflection padding and instance normalisation give PyTorch's values. The expected numbers
 * come from PyTorch 1.13 (Debian's python3-torch): {@code x = torch.arange(12,
 * dtype=torch.float64).reshape(1, 1, 3, 4) ** 1.5}, {@code F.pad(x, (2, 1, 1, 2),
 * mode="reflect")}, {@code F.instance_norm(x, eps=1e-5)} and its gradient for the upstream
 * {@code torch.arange(12).reshape(1, 1, 3, 4).cos()}. The gradient properties hold both for any
 * shape; these hold them to PyTorch's conventions.
 */
class NormalizationAndReflectionTest {
    private static Tensor image() {
        double[] values = new double[12];
        Arrays.setAll(values, i -> Math.pow(i, 1.5));
        return Tensor.of(values, DType.F64, 1, 1, 3, 4);
    }

    @Test
    @Tag("task-9.1")
    void reflectionPaddingMirrorsWithoutRepeatingTheEdgeAsPyTorchDoes() {
        double r8 = Math.sqrt(8), r27 = Math.sqrt(27);
        double[] pytorch = {14.696938456699069, 11.180339887498949, 8.0, 11.180339887498949, 14.696938456699069, 18.520259177452132,
            14.696938456699069, r8, 1.0, 0.0, 1.0, r8, r27, r8, 14.696938456699069, 11.180339887498949, 8.0, 11.180339887498949,
            14.696938456699069, 18.520259177452132, 14.696938456699069, 31.622776601683793, 27.0, 22.627416997969522, 27.0,
            31.622776601683793, 36.4828726939094, 31.622776601683793, 14.696938456699069, 11.180339887498949, 8.0,
            11.180339887498949, 14.696938456699069, 18.520259177452132, 14.696938456699069, r8, 1.0, 0.0, 1.0, r8, r27, r8};
        Tensor padded = image().padReflect(2, 1, 1, 2);
        assertArrayEquals(new int[] {1, 1, 6, 7}, padded.shape());
        assertArrayEquals(pytorch, padded.toDoubleArray(), 1e-12);
    }

    @Test
    @Tag("task-9.1")
    void eachReflectedPixelSendsItsGradientBackToThePixelItCopies() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4}, DType.F64, 1, 1, 1, 4).requiresGrad(true);
        x.padReflect(2, 2).sum().backward(); // [3 2 1 2 3 4 3 2]: 1 and 4 appear once, 2 and 3 three times
        assertArrayEquals(new double[] {1, 3, 3, 1}, x.grad().toDoubleArray(), 0);
    }

    @Test
    void aReflectionCannotReachPastTheFarEdge() {
        var error = assertThrows(IllegalArgumentException.class, () -> image().padReflect(4, 0));
        assertTrue(error.getMessage().contains("padReflect") && error.getMessage().contains("[1, 1, 3, 4]"), error.getMessage());
    }

    @Test
    @Tag("task-9.2")
    void instanceNormalisationAndItsGradientMatchPyTorch() {
        double[] forward = {-1.2612990457535689, -1.1768159274593932, -1.0223447023871812, -0.8223118859514768, -0.5854340994001632,
            -0.31674906846890405, -0.01965585555404127, 0.3033502011739129, 0.6503357011775325, 1.0197451481891753,
            1.4102917306767746, 1.8208878037573317};
        double[] gradient = {0.06648777027510533, 0.029051188968166775, -0.0491926118168196, -0.09435779876109851,
            -0.0620162924350186, 0.02162306126350261, 0.08370021186252809, 0.07162712773231422, 0.0013933043889501199,
            -0.05716741283427028, -0.0446072550784252, 0.03345870643506502};
        Tensor x = image().requiresGrad(true);
        Tensor y = x.instanceNorm(1e-5);
        assertArrayEquals(forward, y.toDoubleArray(), 1e-12);
        double[] upstream = new double[12];
        Arrays.setAll(upstream, Math::cos);
        y.backward(Tensor.of(upstream, DType.F64, 1, 1, 3, 4));
        assertArrayEquals(gradient, x.grad().toDoubleArray(), 1e-12);
    }

    @Test
    void instanceNormalisationKeepsEachPictureOfABatchToItself() {
        Tensor batch = Tensor.concat(java.util.List.of(image(), image().mul(10).add(3)), 0);
        Tensor normalized = batch.instanceNorm(0);
        assertArrayEquals(normalized.narrow(0, 0, 1).toDoubleArray(), normalized.narrow(0, 1, 1).toDoubleArray(), 1e-12);
    }
}
