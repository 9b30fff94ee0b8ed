package dev.masquerade.engine.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.backend.AdamStep;
import org.junit.jupiter.api.Test;

/** The fused Adam step: the formulas of AdamStep, in place, the same on the fast and the reference path. */
class AdamUpdateTest {
    private static final AdamStep STEP = new AdamStep(0.9, 0.999, 0.01 / (1 - 0.9), 1 / Math.sqrt(1 - 0.999), 1e-8, 0.995, 0.1);

    private static Tensor[] operands(int n) {
        Rng rng = new Rng(n);
        Tensor grad = Tensor.randn(rng, DType.F32, Device.CPU, n, 3).transpose(0, 1); // a strided view, as gradients can be
        return new Tensor[] {Tensor.randn(rng, DType.F32, Device.CPU, 3, n), grad,
                Tensor.randn(rng, DType.F32, Device.CPU, 3, n), Tensor.rand(rng, DType.F32, Device.CPU, 3, n)};
    }

    private static Tensor[] copies(Tensor[] operands) {
        Tensor[] out = new Tensor[operands.length];
        for (int i = 0; i < operands.length; i++) {
            out[i] = operands[i].to(operands[i].dtype());
        }
        return out;
    }

    @Test
    void oneElementFollowsTheFormulas() {
        Tensor[] t = operands(1);
        double p = t[0].toDoubleArray()[0], g = t[1].toDoubleArray()[0], m = t[2].toDoubleArray()[0], v = t[3].toDoubleArray()[0];
        new ReferenceCpuBackend().adamUpdate(t[0].array(), t[1].array(), t[2].array(), t[3].array(), STEP);
        double grad = g + 0.1 * p;
        double m1 = 0.9 * m + 0.1 * grad;
        double v1 = 0.999 * v + 0.001 * grad * grad;
        assertEquals(m1, t[2].toDoubleArray()[0], 1e-6);
        assertEquals(v1, t[3].toDoubleArray()[0], 1e-6);
        assertEquals(0.995 * p - STEP.stepSize() * m1 / (Math.sqrt(v1) * STEP.vScale() + 1e-8), t[0].toDoubleArray()[0], 1e-5);
    }

    @Test
    void theFastPathEqualsTheReference() {
        for (int n : new int[] {1, 7, 1000, 5000}) {
            Tensor[] fast = operands(n);
            Tensor[] reference = copies(fast);
            new FastCpuBackend().adamUpdate(fast[0].array(), fast[1].array(), fast[2].array(), fast[3].array(), STEP);
            new ReferenceCpuBackend().adamUpdate(reference[0].array(), reference[1].array(), reference[2].array(), reference[3].array(), STEP);
            for (int i : new int[] {0, 2, 3}) {
                assertArrayEquals(reference[i].toFloatArray(), fast[i].toFloatArray(), 1e-5f, "operand " + i + " at n = " + n);
            }
        }
    }

    @Test
    void theVectorLoopRoundsExactlyAsTheScalarLoop() {
        int n = 1003; // whole vectors, then a scalar tail
        float[][] together = new float[4][], oneByOne = new float[4][];
        for (int k = 0; k < 4; k++) {
            together[k] = Tensor.randn(new Rng(k), DType.F32, Device.CPU, n).toFloatArray();
            oneByOne[k] = together[k].clone();
        }
        for (int k : new int[] {2, 3}) { // the moments: m any sign, v not negative
            for (int i = 0; i < n; i++) {
                together[k][i] = k == 3 ? Math.abs(together[k][i]) : together[k][i];
                oneByOne[k][i] = together[k][i];
            }
        }
        FloatKernels.adam(STEP, together[0], 0, together[1], 0, together[2], 0, together[3], 0, n);
        for (int i = 0; i < n; i++) { // a run of one element is all scalar tail
            FloatKernels.adam(STEP, oneByOne[0], i, oneByOne[1], i, oneByOne[2], i, oneByOne[3], i, 1);
        }
        for (int k : new int[] {0, 2, 3}) {
            assertArrayEquals(oneByOne[k], together[k], "operand " + k + ": bit for bit");
        }
    }
}
