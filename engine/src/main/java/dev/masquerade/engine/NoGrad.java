package dev.masquerade.engine;

/**
 * A scope in which operations record no graph, for evaluation and for optimizer updates:
 * <pre>{@code
 * try (var scope = NoGrad.enter()) {
 *     Tensor prediction = model.forward(x);   // no graph, no saved tensors
 * }
 * }</pre>
 * Scopes nest and are per thread.
 */
public final class NoGrad implements AutoCloseable {
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);
    private boolean closed;

    private NoGrad() {
        DEPTH.get()[0]++;
    }

    /** Switches gradient recording off until the returned scope closes. */
    public static NoGrad enter() {
        return new NoGrad();
    }

    /** Whether operations on this thread currently record a graph. */
    public static boolean isGradEnabled() {
        return DEPTH.get()[0] == 0;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            DEPTH.get()[0]--;
        }
    }
}
