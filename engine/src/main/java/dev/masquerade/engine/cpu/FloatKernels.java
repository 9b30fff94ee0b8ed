package dev.masquerade.engine.cpu;

import dev.masquerade.engine.backend.AdamStep;
import dev.masquerade.engine.backend.BinaryOp;
import dev.masquerade.engine.backend.UnaryOp;

/**
 * The fast path for float32 element-wise work on unit-stride runs: the arithmetic of
 * {@link ElementKernels#binary} and the piecewise-linear functions of
 * {@link ElementKernels#unary}, on the float arrays themselves, without widening to double
 * and back. (Transcendental functions stay on the reference path, which computes them in
 * double.) Plain loops, because C2 vectorises them (a Vector API loop over an operator
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

    /** Whether {@link #unary} implements op. */
    static boolean supports(UnaryOp op) {
        return switch (op) {
            case NEG, ABS, RELU, STEP, LEAKY_RELU, CLAMP -> true;
            default -> false;
        };
    }

    static void unary(UnaryOp op, double[] p, float[] x, int xi, float[] y, int yi, int n) {
        switch (op) {
            case NEG -> { for (int i = 0; i < n; i++) y[yi + i] = -x[xi + i]; }
            case ABS -> { for (int i = 0; i < n; i++) y[yi + i] = Math.abs(x[xi + i]); }
            case RELU -> { for (int i = 0; i < n; i++) y[yi + i] = x[xi + i] > 0 ? x[xi + i] : 0f; }
            case STEP -> { for (int i = 0; i < n; i++) y[yi + i] = x[xi + i] > 0 ? 1f : 0f; }
            case LEAKY_RELU -> {
                float slope = (float) p[0];
                for (int i = 0; i < n; i++) y[yi + i] = x[xi + i] > 0 ? x[xi + i] : slope * x[xi + i];
            }
            case CLAMP -> {
                float low = (float) p[0], high = (float) p[1];
                for (int i = 0; i < n; i++) y[yi + i] = Math.min(Math.max(x[xi + i], low), high);
            }
            default -> throw new IllegalArgumentException("no float32 fast path for " + op);
        }
    }

    /** One Adam step over n contiguous elements of a parameter, its gradient and its two moments (see AdamStep). */
    static void adam(AdamStep step, float[] p, int pi, float[] g, int gi, float[] m, int mi, float[] v, int vi, int n) {
        float beta1 = (float) step.beta1(), beta2 = (float) step.beta2(), l2 = (float) step.l2(), decay = (float) step.decay();
        float stepSize = (float) step.stepSize(), vScale = (float) step.vScale(), epsilon = (float) step.epsilon();
        for (int i = 0; i < n; i++) {
            float grad = g[gi + i] + l2 * p[pi + i];
            float first = beta1 * m[mi + i] + (1 - beta1) * grad;
            float second = beta2 * v[vi + i] + (1 - beta2) * grad * grad;
            m[mi + i] = first;
            v[vi + i] = second;
            p[pi + i] = decay * p[pi + i] - stepSize * first / ((float) Math.sqrt(second) * vScale + epsilon);
        }
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
