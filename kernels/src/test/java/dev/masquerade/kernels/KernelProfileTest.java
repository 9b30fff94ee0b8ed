package dev.masquerade.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.StridedArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KernelProfileTest {
    @BeforeAll
    static void openCl() {
        OpenClUnderTest.require();
    }

    @Test
    void everyLaunchIsCountedUnderItsKernelWithItsDeviceTime() {
        KernelProfile profile = new KernelProfile("the device under test", true);
        OpenClBackend backend = new OpenClBackend(OpenCl.probe().devices().get(OpenClUnderTest.DEVICE.index()), profile);
        StridedArray x = StridedArray.contiguous(backend.allocate(DType.F32, 1 << 16), 1 << 16);
        backend.fill(x, 1.0);
        backend.fill(x, 2.0);
        backend.matmuls().matmulTiled(Tiling.RUNG_4, StridedArray.contiguous(x.storage(), 1, 256, 256), false,
                StridedArray.contiguous(x.storage(), 1, 256, 256), false, StridedArray.contiguous(backend.allocate(DType.F32, 1 << 16), 1, 256, 256));
        backend.finish();
        String table = profile.table();
        Matcher fill = Pattern.compile("(?m)^\\s+(\\d+)\\s+([0-9.]+)\\s+([0-9.]+)\\s+[0-9.]+%\\s+fill$").matcher(table);
        assertTrue(fill.find(), table);
        assertEquals("2", fill.group(1), "two fills: " + table);
        assertTrue(Double.parseDouble(fill.group(2)) > 0, "a launch takes some device time: " + table);
        assertTrue(table.contains("matmul_register_blocked " + Tiling.RUNG_4.defines()), "a tiling is named by its defines: " + table);
        assertTrue(table.startsWith("OpenCL kernel profile on the device under test"), table);
    }

    @Test
    void anUnrequestedProfileRecordsNothing() {
        KernelProfile off = new KernelProfile("cpu", false);
        assertEquals(null, off.event());
        off.record("fill", off.event());
        assertFalse(off.table().contains("fill"));
    }
}
