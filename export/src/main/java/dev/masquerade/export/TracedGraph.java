package dev.masquerade.export;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.Trace;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of a trace that an exported graph must compute: the operations that lie on a path
 * from the inputs to the outputs.
 *
 * <p>A tensor is <em>computed</em> when it is an input or the output of an operation with a
 * computed input; everything else a computed operation reads (a weight, a weight transposed
 * for a matrix product, a bias reshaped to broadcast, a scalar) is a <em>constant</em> whose
 * current value the graph stores. So operations on weights alone fold away, and operations that
 * fed nothing the outputs need (the steps inside an operation that reported itself again as one
 * piece) drop out.
 */
final class TracedGraph {
    private final List<Trace.Operation> operations;
    private final Set<Tensor> computed;
    private final Map<Tensor, Trace.Operation> producer;

    private TracedGraph(List<Trace.Operation> operations, Set<Tensor> computed, Map<Tensor, Trace.Operation> producer) {
        this.operations = operations;
        this.computed = computed;
        this.producer = producer;
    }

    /** The graph from {@code inputs} to {@code outputs} in the recorded operations. */
    static TracedGraph of(List<Trace.Operation> recorded, List<Tensor> inputs, Map<String, Tensor> outputs) {
        Set<Tensor> given = Collections.newSetFromMap(new IdentityHashMap<>());
        given.addAll(inputs);
        Set<Tensor> computed = Collections.newSetFromMap(new IdentityHashMap<>());
        computed.addAll(inputs);
        Map<Tensor, Trace.Operation> producer = markComputed(recorded, computed);
        outputs.forEach((name, output) -> {
            if (!computed.contains(output) || given.contains(output)) {
                throw new IllegalArgumentException("output '" + name + "' is not computed from the inputs by traced operations; "
                        + "an exported graph's outputs must be (was it made by an operation the engine does not record, or returned unchanged?)");
            }
        });
        Set<Trace.Operation> needed = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Tensor> pending = new ArrayDeque<>(outputs.values());
        while (!pending.isEmpty()) {
            Tensor t = pending.pop();
            Trace.Operation op = producer.get(t);
            if (op != null && computed.contains(t) && !given.contains(t) && needed.add(op)) {
                op.inputs().stream().filter(computed::contains).forEach(pending::push);
            }
        }
        List<Trace.Operation> ordered = new ArrayList<>();
        for (Trace.Operation op : recorded) {
            if (needed.contains(op)) {
                ordered.add(op);
            }
        }
        return new TracedGraph(ordered, computed, producer);
    }

    /**
     * Adds to {@code computed} (which holds the inputs) every output that an operation made from
     * a computed input, in the order they ran, and returns the operation that made each output.
     */
    // snippet: computed
    static Map<Tensor, Trace.Operation> markComputed(List<Trace.Operation> recorded, Set<Tensor> computed) {
        // BEGIN SOLUTION task-12.1: for each recorded operation in order, remember it as its output's producer (a later report of the same output replaces the earlier) and mark the output computed when one of its inputs is, else not computed (a constant of the graph) (see tutorials/31-export.md)
        Map<Tensor, Trace.Operation> producer = new IdentityHashMap<>();
        for (Trace.Operation op : recorded) {
            producer.put(op.output(), op); // a later report of the same output replaces the earlier
            if (op.inputs().stream().anyMatch(computed::contains)) {
                computed.add(op.output()); // depends on an input: the graph must compute it
            } else {
                computed.remove(op.output()); // weights only: its value now is a constant of the graph
            }
        }
        return producer;
        // END SOLUTION
    }
    // end snippet

    /** The operations to export, in the order they ran. */
    List<Trace.Operation> operations() {
        return operations;
    }

    /** The operation that last reported t as its output, or null (a weight, an input, a tensor made outside any operation). */
    Trace.Operation producer(Tensor t) {
        return producer.get(t);
    }

    /** Whether t is computed from the inputs (otherwise it is a constant of the graph). */
    boolean isComputed(Tensor t) {
        return computed.contains(t);
    }
}
