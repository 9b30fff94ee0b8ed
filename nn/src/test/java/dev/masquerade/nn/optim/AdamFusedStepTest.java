package dev.masquerade.nn.optim;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.backend.BackendProvider;
import dev.masquerade.engine.backend.Backends;
import dev.masquerade.engine.backend.FusedAdam;
import dev.masquerade.engine.testing.GradCheck;
import dev.masquerade.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The fused Adam step is an optimisation, not a definition: on every backend that offers it,
 * it ends where the tensor-operation form of {@link Adam#update} ends, for Adam, Adam with L2
 * decay and AdamW. (OpenCL devices join where a platform exists; CI requires one.)
 */
class AdamFusedStepTest {
    private static final int STEPS = 5;

    private static List<Device> devices() {
        List<Device> devices = new ArrayList<>();
        for (BackendProvider provider : Backends.providers()) {
            provider.devices().forEach(info -> devices.add(info.device()));
        }
        if (Boolean.getBoolean("opencl.required")) {
            assertTrue(devices.stream().anyMatch(d -> d.type().equals("opencl")), "OpenCL is required here but no OpenCL device was found");
        }
        return devices;
    }

    @TestFactory
    Stream<DynamicTest> theFusedStepEndsWhereTheTensorOperationsEnd() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Device device : devices()) {
            List<DType> types = device.equals(Device.CPU) ? List.of(DType.F32, DType.F64) : List.of(DType.F32);
            for (DType dtype : types) {
                tests.add(DynamicTest.dynamicTest("Adam on " + device + " " + dtype, () -> agree(device, dtype, p -> new Adam(p, 0.01, 0.9, 0.999))));
                tests.add(DynamicTest.dynamicTest("Adam with L2 decay on " + device + " " + dtype,
                        () -> agree(device, dtype, p -> new Adam(p, 0.01, 0.5, 0.999, 1e-8, 0.1, false))));
                tests.add(DynamicTest.dynamicTest("AdamW on " + device + " " + dtype,
                        () -> agree(device, dtype, p -> Adam.adamW(p, 0.01, 0.9, 0.999, 0.1))));
            }
        }
        return tests.stream();
    }

    private static void agree(Device device, DType dtype, Function<List<Parameter>, Adam> adam) {
        assertTrue(Backends.of(device) instanceof FusedAdam, device + " should offer the fused step");
        Tensor initial = Tensor.randn(new Rng(1), dtype, device, 3, 37);
        Parameter fusedParameter = new Parameter(initial.to(dtype));
        Parameter definedParameter = new Parameter(initial.to(dtype));
        Adam fused = adam.apply(List.of(fusedParameter));
        Adam defined = adam.apply(List.of(definedParameter)).fused(false);
        Rng rng = new Rng(2);
        for (int step = 0; step < STEPS; step++) {
            Tensor direction = Tensor.randn(rng, dtype, device, 3, 37).mul(step % 2 == 0 ? 1 : 1e-3); // gradients of two scales
            for (Parameter p : List.of(fusedParameter, definedParameter)) {
                p.zeroGrad();
                p.value().mul(direction).sum().backward();
            }
            fused.step();
            defined.step();
        }
        double[] expected = definedParameter.value().toDoubleArray();
        assertFalse(java.util.Arrays.equals(expected, initial.toDoubleArray()), "the parameters should have moved");
        double error = GradCheck.relativeError(fusedParameter.value().toDoubleArray(), expected);
        assertTrue(error < (dtype == DType.F64 ? 1e-12 : 1e-5), "fused and tensor-operation Adam differ by " + error + " relative on " + device);
    }
}
