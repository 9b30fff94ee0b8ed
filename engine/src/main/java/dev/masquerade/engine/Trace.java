package dev.masquerade.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A recording of a forward pass, operation by operation, for exporting a model as a graph file.
 *
 * <pre>{@code
 * try (Trace trace = Trace.start(); var scope = NoGrad.enter()) {
 *     Tensor y = model.forward(x);
 *     trace.operations();   // every operation that ran, in order, with inputs and attributes
 * }
 * }</pre>
 *
 * <p>Every differentiable operation reports itself through {@link Autograd#record} (whether or
 * not gradients are on), so a trace holds the same information autograd keeps, plus the
 * attributes (strides, axes, slopes) an exported graph needs. An operation built from smaller
 * ones can report itself once more on the same output, under its own name (a layer that a
 * graph format knows as one operator, such as batch normalisation in evaluation mode):
 * the last report of an output wins, and the smaller operations become unreachable. A trace
 * is per thread; traces do not nest. Tutorial: tutorials/31-export.md.
 */
public final class Trace implements AutoCloseable {
    private static final ThreadLocal<Trace> ACTIVE = new ThreadLocal<>();
    private final List<Operation> operations = new ArrayList<>();

    /**
     * One recorded operation: its name (as autograd names it), inputs, output and attributes
     * (numbers, arrays of int or double, strings).
     */
    public record Operation(String name, List<Tensor> inputs, Tensor output, Map<String, Object> attributes) {
        /** An attribute that must be there, with the operation named when it is not. */
        public Object attribute(String key) {
            Object value = attributes.get(key);
            if (value == null) {
                throw new IllegalStateException(name + ": the trace holds no attribute '" + key + "'");
            }
            return value;
        }
    }

    private Trace() {
    }

    /** Starts recording the operations this thread runs, until {@link #close}. */
    public static Trace start() {
        if (ACTIVE.get() != null) {
            throw new IllegalStateException("a trace is already recording on this thread; close it before starting another");
        }
        Trace trace = new Trace();
        ACTIVE.set(trace);
        return trace;
    }

    /** Whether a trace is recording on this thread. */
    public static boolean isRecording() {
        return ACTIVE.get() != null;
    }

    /**
     * Adds an operation to this thread's trace, if one is recording.
     *
     * @return output, for chaining
     */
    public static Tensor record(String name, Map<String, Object> attributes, Tensor output, Tensor... inputs) {
        Trace trace = ACTIVE.get();
        if (trace != null) {
            trace.operations.add(new Operation(name, List.of(inputs), output, Map.copyOf(attributes)));
        }
        return output;
    }

    /** The operations recorded so far, in the order they ran. */
    public List<Operation> operations() {
        return Collections.unmodifiableList(operations);
    }

    @Override
    public void close() {
        if (ACTIVE.get() == this) {
            ACTIVE.remove();
        }
    }
}
