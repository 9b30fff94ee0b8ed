package dev.masquerade.engine.cpu;

import dev.masquerade.engine.backend.BinaryOp;

/**
 * The fast path for float32 arithmetic on unit-stride runs: the same six operations as
 * {@link ElementKernels#binary}, but on the float arrays themselves, without widening to
 * double and back. Plain loops, because C2 vectorises them (a Vector API loop over an operator
 * chosen at run time is not compiled to vector instructions and runs 30 times slower).
 */
final class FloatKernels {
    private FloatKernels() {
    }

    /** Whether {@link #binary} implements op. */
    static boolean supports(BinaryOp op) {
        return switch (op) {
            case ADD, SUB, MUL, DIV, MAX, MIN -> true;
            default -> false;
        };
    }

    static void binary(BinaryOp op, float[] a, int ai, float[] b, int bi, float[] y, int yi, int n) {
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) y[yi + i] = a[ai + i] + b[bi + i]; }
            case SUB -> { for (int i = 0; i < n; i++) y[yi + i] = a[ai + i] - b[bi + i]; }
            case MUL -> { for (int i = 0; i < n; i++) y[yi + i] = a[ai + i] * b[bi + i]; }
            case DIV -> { for (int i = 0; i < n; i++) y[yi + i] = a[ai + i] / b[bi + i]; }
            case MAX -> { for (int i = 0; i < n; i++) y[yi + i] = Math.max(a[ai + i], b[bi + i]); }
            case MIN -> { for (int i = 0; i < n; i++) y[yi + i] = Math.min(a[ai + i], b[bi + i]); }
            default -> throw new IllegalArgumentException("no float32 fast path for " + op);
        }
    }
}
