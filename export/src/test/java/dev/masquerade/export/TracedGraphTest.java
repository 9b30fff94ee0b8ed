package dev.masquerade.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.Trace;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the graph computes and what it stores: computed tensors follow the inputs, operations on weights alone fold away. */
class TracedGraphTest {
    private final Rng rng = new Rng(5);

    @Test
    @Tag("task-12.1")
    void operationsOnWeightsAloneAreConstantsAndEverythingFromTheInputIsComputed() {
        Tensor x = Tensor.rand(rng, 2, 4), w = Tensor.rand(rng, 3, 4), b = Tensor.rand(rng, 3);
        Tensor wT, bRow, product, y;
        List<Trace.Operation> ops;
        try (Trace trace = Trace.start(); var scope = NoGrad.enter()) {
            wT = w.permute(1, 0);
            bRow = b.reshape(1, 3);
            product = x.matmul(wT);
            y = product.add(bRow).relu();
            ops = trace.operations();
        }
        Set<Tensor> computed = Collections.newSetFromMap(new IdentityHashMap<>());
        computed.add(x);
        Map<Tensor, Trace.Operation> producer = TracedGraph.markComputed(ops, computed);
        assertFalse(computed.contains(wT), "Wᵀ is made from a weight alone: a constant");
        assertFalse(computed.contains(bRow), "the reshaped bias too");
        assertTrue(computed.contains(product) && computed.contains(y), "the product and all after it depend on x");
        assertEquals("permute", producer.get(wT).name());
        assertSame(ops.get(ops.size() - 1), producer.get(y));
    }

    @Test
    @Tag("task-12.1")
    void theLastReportOfAnOutputIsItsProducer() {
        Tensor x = Tensor.rand(rng, 1, 8, 2, 2);
        Tensor y;
        List<Trace.Operation> ops;
        try (Trace trace = Trace.start(); var scope = NoGrad.enter()) {
            y = x.pixelShuffle(2);
            ops = trace.operations();
        }
        Set<Tensor> computed = Collections.newSetFromMap(new IdentityHashMap<>());
        computed.add(x);
        assertEquals("pixelShuffle", TracedGraph.markComputed(ops, computed).get(y).name());
        assertTrue(computed.contains(y));
        TracedGraph graph = TracedGraph.of(ops, List.of(x), Map.of("y", y));
        assertEquals(List.of("pixelShuffle"), graph.operations().stream().map(Trace.Operation::name).toList(),
                "the views it is built from feed nothing the output needs");
    }
}
