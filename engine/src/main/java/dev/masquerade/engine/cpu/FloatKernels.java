package dev.masquerade.engine.cpu;

import dev.masquerade.engine.backend.AdamStep;
import dev.masquerade.engine.backend.BinaryOp;
import dev.masquerade.engine.backend.ReduceOp;
import dev.masquerade.engine.backend.UnaryOp;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fast path for float32 element-wise work on unit-stride runs: the arithmetic of
 * {@link ElementKernels#binary} and the piecewise-linear functions of
 * {@link ElementKernels#unary}, on the float arrays themselves, without widening to double
 * and back. (Transcendental functions stay on the reference path, which computes them in
 * double.) Mostly plain loops, because C2 vectorises them (a Vector API loop over an operator
 * chosen at run time is not compiled to vector instructions and runs 30 times slower); the
 * functions that choose by sign are written with explicit vector compares (see bySign).
 */
final class FloatKernels {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

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
            case RELU, STEP, LEAKY_RELU -> bySign(op, op == UnaryOp.LEAKY_RELU ? (float) p[0] : 0f, x, xi, y, yi, n);
            case CLAMP -> {
                float low = (float) p[0], high = (float) p[1];
                for (int i = 0; i < n; i++) y[yi + i] = Math.min(Math.max(x[xi + i], low), high);
            }
            default -> throw new IllegalArgumentException("no float32 fast path for " + op);
        }
    }

    /**
     * The functions that choose by the sign of x: relu (x or 0), its derivative step (1 or 0)
     * and leaky relu (x or slope·x). Written as `x > 0 ? … : …` a loop branches on every
     * element, and random signs make the branch mispredict half the time; a vector compare
     * and blend does eight elements without a branch.
     */
    private static void bySign(UnaryOp op, float slope, float[] x, int xi, float[] y, int yi, int n) {
        FloatVector zero = FloatVector.zero(SPECIES), one = FloatVector.broadcast(SPECIES, 1f);
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += SPECIES.length()) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, xi + i);
            VectorMask<Float> positive = v.compare(VectorOperators.GT, 0f);
            FloatVector r = op == UnaryOp.RELU ? zero.blend(v, positive) : op == UnaryOp.STEP ? zero.blend(one, positive)
                    : v.mul(slope).blend(v, positive);
            r.intoArray(y, yi + i);
        }
        for (; i < n; i++) {
            float v = x[xi + i];
            y[yi + i] = v > 0 ? (op == UnaryOp.STEP ? 1f : v) : op == UnaryOp.LEAKY_RELU ? slope * v : 0f;
        }
    }

    /**
     * One Adam step over n contiguous elements of a parameter, its gradient and its two moments
     * (see AdamStep). Written with the Vector API: C2 left the plain loop scalar (its square
     * root goes through double), and at 2.3 ns a parameter the update took 6% of a
     * faceswap_small step. Each vector operation is the scalar tail's, in the same order and
     * with no fused multiply-add, so both round alike.
     */
    static void adam(AdamStep step, float[] p, int pi, float[] g, int gi, float[] m, int mi, float[] v, int vi, int n) {
        float beta1 = (float) step.beta1(), beta2 = (float) step.beta2(), l2 = (float) step.l2(), decay = (float) step.decay();
        float stepSize = (float) step.stepSize(), vScale = (float) step.vScale(), epsilon = (float) step.epsilon();
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += SPECIES.length()) {
            FloatVector param = FloatVector.fromArray(SPECIES, p, pi + i);
            FloatVector grad = FloatVector.fromArray(SPECIES, g, gi + i).add(param.mul(l2));
            FloatVector first = FloatVector.fromArray(SPECIES, m, mi + i).mul(beta1).add(grad.mul(1 - beta1));
            FloatVector second = FloatVector.fromArray(SPECIES, v, vi + i).mul(beta2).add(grad.mul(1 - beta2).mul(grad));
            first.intoArray(m, mi + i);
            second.intoArray(v, vi + i);
            param.mul(decay).sub(first.mul(stepSize).div(second.sqrt().mul(vScale).add(epsilon))).intoArray(p, pi + i);
        }
        for (; i < n; i++) {
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

    private static final VectorSpecies<Double> WIDE = DoubleVector.SPECIES_PREFERRED;

    /**
     * acc folded with {@code values[0..n)}: their sum or their maximum, as
     * {@link ElementKernels#reduce} folds them, but in {@code WIDE.length()} running sums
     * instead of one (a sequential sum waits on each add, and its order buys nothing: every
     * partial sum is exact to double's precision, far below float32's). The values come widened
     * from float32 by a plain loop, which C2 vectorises; widening inside this loop instead
     * (convertShape) ran in the Vector API's slow fallback, and a second float species beside
     * the kernels' one made C2 give up on other kernels' vector code.
     */
    static double fold(ReduceOp op, double acc, double[] values, int n) {
        int i = 0;
        if (op == ReduceOp.SUM) {
            DoubleVector sums = DoubleVector.zero(WIDE);
            for (int bound = WIDE.loopBound(n); i < bound; i += WIDE.length()) {
                sums = sums.add(DoubleVector.fromArray(WIDE, values, i));
            }
            acc += sums.reduceLanes(VectorOperators.ADD);
            for (; i < n; i++) {
                acc += values[i];
            }
        } else {
            DoubleVector largest = DoubleVector.broadcast(WIDE, Double.NEGATIVE_INFINITY);
            for (int bound = WIDE.loopBound(n); i < bound; i += WIDE.length()) {
                largest = largest.max(DoubleVector.fromArray(WIDE, values, i));
            }
            acc = Math.max(acc, largest.reduceLanes(VectorOperators.MAX));
            for (; i < n; i++) {
                acc = Math.max(acc, values[i]);
            }
        }
        return acc;
    }
}
