package dev.masquerade.kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.masquerade.engine.array.Device;

/** The OpenCL device the kernels' property tests run on, and the rule for when they may skip. */
final class OpenClUnderTest {
    /** opencl:0, or the device -Dmasquerade.opencl.device names (benchmarks/gpu-run.sh). */
    static final Device DEVICE = Device.parse(System.getProperty("masquerade.opencl.device", "opencl:0"));

    private OpenClUnderTest() {
    }

    /** Skips the calling tests where no OpenCL platform exists; with -Dopencl.required=true (CI) fails there instead. */
    static void require() {
        OpenCl.Availability availability = OpenCl.probe();
        if (Boolean.getBoolean("opencl.required")) {
            assertTrue(availability.available(), "OpenCL is required here but unavailable: " + availability.reason());
        } else {
            assumeTrue(availability.available(), "no OpenCL platform: " + availability.reason());
        }
    }
}
