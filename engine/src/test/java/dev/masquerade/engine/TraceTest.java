package dev.masquerade.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.backend.Conv2dGeometry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A trace records the forward pass operation by operation, with what an exported graph needs. */
class TraceTest {

    @Test
    void recordsEachOperationWithItsInputsOutputAndAttributesEvenWithoutGradients() {
        Tensor x = Tensor.rand(new Rng(1), 2, 3, 8, 8);
        Tensor w = Tensor.rand(new Rng(2), 4, 3, 3, 3);
        Tensor y;
        List<Trace.Operation> ops;
        try (Trace trace = Trace.start(); var scope = NoGrad.enter()) {
            y = x.conv2d(w, null, 2, 1, 1).leakyRelu(0.2).permute(0, 2, 3, 1);
            ops = trace.operations();
        }
        assertEquals(List.of("conv2d", "leakyRelu", "permute"), ops.stream().map(Trace.Operation::name).toList());
        assertEquals(List.of(x, w), ops.get(0).inputs());
        assertEquals(Conv2dGeometry.square(2, 1, 1), ops.get(0).attribute("geometry"));
        assertArrayEquals(new double[] {0.2}, (double[]) ops.get(1).attribute("parameters"));
        assertArrayEquals(new int[] {0, 2, 3, 1}, (int[]) ops.get(2).attribute("order"));
        assertSame(y, ops.get(2).output());
    }

    @Test
    void recordsNothingWhenNoTraceIsOpenAndRefusesToNest() {
        assertTrue(!Trace.isRecording());
        try (Trace trace = Trace.start()) {
            assertTrue(Trace.isRecording());
            IllegalStateException e = assertThrows(IllegalStateException.class, Trace::start);
            assertTrue(e.getMessage().startsWith("a trace is already recording on this thread"), e.getMessage());
        }
        assertTrue(!Trace.isRecording());
    }

    @Test
    void anOperationBuiltFromOthersReportsItselfLastOnTheSameOutput() {
        Tensor x = Tensor.rand(new Rng(3), 1, 8, 2, 2);
        List<Trace.Operation> ops;
        try (Trace trace = Trace.start()) {
            Tensor y = x.pixelShuffle(2);
            ops = trace.operations();
            assertSame(y, ops.get(ops.size() - 1).output());
        }
        Trace.Operation last = ops.get(ops.size() - 1);
        assertEquals("pixelShuffle", last.name());
        assertEquals(Map.of("factor", 2), last.attributes());
        assertTrue(ops.size() > 1, "the views it is built from are recorded before it");
    }

    @Test
    void aMissingAttributeNamesTheOperation() {
        Trace.Operation op = new Trace.Operation("relu", List.of(), Tensor.zeros(1), Map.of());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> op.attribute("slope"));
        assertEquals("relu: the trace holds no attribute 'slope'", e.getMessage());
    }
}
