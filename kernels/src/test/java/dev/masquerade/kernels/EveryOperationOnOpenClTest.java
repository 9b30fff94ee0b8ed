package dev.masquerade.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.ops.GradientCases;
import dev.masquerade.engine.testing.GradCheck;
import dev.masquerade.engine.testing.GradientCase;
import dev.masquerade.engine.testing.HostTensor;
import dev.masquerade.engine.testing.Inputs;
import dev.masquerade.engine.testing.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every differentiable operation of Tensor (the cases of the engine's gradient properties, so
 * a new operation joins by getting its gradient case) runs on OpenCL as on the CPU: the same
 * float32 output and the same gradients of every input, on the same generated inputs, strided
 * views included. Skipped where no OpenCL platform exists; CI requires one.
 */
class EveryOperationOnOpenClTest {
    private static final double TOLERANCE = 1e-4;
    /**
     * Gradients of broadcast inputs are sums over the repeated axes, which the two backends add
     * in different orders; in float32, where such a sum cancels, that moves it by more than the
     * forward pass ever moves.
     */
    private static final double GRADIENT_TOLERANCE = 1e-3;
    private static final int TRIES = 25;
    private static final Device OPENCL = OpenClUnderTest.DEVICE;

    @BeforeAll
    static void requireOpenCl() {
        OpenClUnderTest.require();
    }

    @TestFactory
    Stream<DynamicTest> forwardAndBackwardAgreeWithTheCpu() {
        return GradientCases.all().stream()
                .map(c -> Property.forAll(c.name() + " on " + OPENCL, c.inputs()).tries(TRIES).test(in -> agree(c, in)));
    }

    private static void agree(GradientCase c, Inputs in) {
        List<HostTensor> host = in.materialize();
        List<Tensor> cpu = new ArrayList<>();
        List<Tensor> device = new ArrayList<>();
        for (int i = 0; i < host.size(); i++) {
            Tensor t = host.get(i).toTensor(DType.F32);
            boolean differentiable = in.domain(i).differentiable() && t.dtype() == DType.F32;
            cpu.add(t.requiresGrad(differentiable));
            device.add(sameLayoutOn(t).requiresGrad(differentiable));
        }
        Tensor expected = c.op().apply(cpu, in.layout());
        Tensor actual = c.op().apply(device, in.layout());
        assertEquals(OPENCL, actual.device(), c.name() + " left the device");
        assertArrayEquals(expected.shape(), actual.shape());
        assertClose("output", expected, actual, TOLERANCE);
        double[] u = GradCheck.upstream(new SplittableRandom(in.valueSeed()), expected.numel());
        Tensor upstream = Tensor.of(u, DType.F32, Device.CPU, expected.shape());
        expected.backward(upstream);
        actual.backward(upstream.to(OPENCL));
        for (int i = 0; i < cpu.size(); i++) {
            if (cpu.get(i).requiresGrad()) {
                assertClose("gradient of input " + i, cpu.get(i).grad(), device.get(i).grad(), GRADIENT_TOLERANCE);
            }
        }
    }

    /** A copy on the device with the same memory layout: a permuted input stays a strided view there. */
    private static Tensor sameLayoutOn(Tensor t) {
        Tensor memory = Tensor.asStrided(t.storage(), new int[] {t.storage().size()}, new int[] {1}, 0).to(OPENCL);
        return Tensor.asStrided(memory.storage(), t.shape(), t.strides(), t.offset());
    }

    private static void assertClose(String what, Tensor expected, Tensor actual, double tolerance) {
        double error = GradCheck.relativeError(actual.toDoubleArray(), expected.toDoubleArray());
        assertTrue(error <= tolerance, what + ": OpenCL differs from the CPU by " + error + " relative");
    }
}
