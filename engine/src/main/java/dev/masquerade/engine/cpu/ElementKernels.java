package dev.masquerade.engine.cpu;

import dev.masquerade.engine.backend.BinaryOp;
import dev.masquerade.engine.backend.ReduceOp;
import dev.masquerade.engine.backend.UnaryOp;

/**
 * The plain-Java element-wise kernels: the readable reference for every backend. The opcode
 * is switched on once per chunk; each case is a tight loop over the chunk.
 */
final class ElementKernels {
    private ElementKernels() {
    }

    static void unary(UnaryOp op, double[] p, double[] x, double[] y, int n) {
        // BEGIN SOLUTION task-0.3: y[i] = f(x[i]) for every unary opcode, sigmoid and softplus in forms whose exp cannot overflow (see tutorials/08-bce-with-logits.md)
        switch (op) {
            case NEG -> { for (int i = 0; i < n; i++) y[i] = -x[i]; }
            case EXP -> { for (int i = 0; i < n; i++) y[i] = Math.exp(x[i]); }
            case LOG -> { for (int i = 0; i < n; i++) y[i] = Math.log(x[i]); }
            case SQRT -> { for (int i = 0; i < n; i++) y[i] = Math.sqrt(x[i]); }
            case ABS -> { for (int i = 0; i < n; i++) y[i] = Math.abs(x[i]); }
            case SIGN -> { for (int i = 0; i < n; i++) y[i] = Math.signum(x[i]); }
            case STEP -> { for (int i = 0; i < n; i++) y[i] = x[i] > 0 ? 1 : 0; }
            case RELU -> { for (int i = 0; i < n; i++) y[i] = x[i] > 0 ? x[i] : 0; }
            case LEAKY_RELU -> { for (int i = 0; i < n; i++) y[i] = x[i] > 0 ? x[i] : p[0] * x[i]; }
            // Two branches so that exp never overflows: for x < 0 use e^x / (1 + e^x).
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    double e = Math.exp(-Math.abs(x[i]));
                    y[i] = x[i] >= 0 ? 1 / (1 + e) : e / (1 + e);
                }
            }
            case TANH -> { for (int i = 0; i < n; i++) y[i] = Math.tanh(x[i]); }
            // log(1 + e^x) = max(x, 0) + log1p(e^−|x|): no overflow for large |x|.
            case SOFTPLUS -> { for (int i = 0; i < n; i++) y[i] = Math.max(x[i], 0) + Math.log1p(Math.exp(-Math.abs(x[i]))); }
            case POW -> { for (int i = 0; i < n; i++) y[i] = Math.pow(x[i], p[0]); }
            case CLAMP -> { for (int i = 0; i < n; i++) y[i] = Math.min(Math.max(x[i], p[0]), p[1]); }
            case ERF -> { for (int i = 0; i < n; i++) y[i] = ErrorFunction.erf(x[i]); }
        }
        // END SOLUTION
    }

    static void binary(BinaryOp op, double[] a, double[] b, double[] y, int n) {
        // BEGIN SOLUTION task-0.4: y[i] = a[i] op b[i] for every binary opcode; a comparison gives 1 where it holds and 0 elsewhere (see tutorials/02-broadcasting.md)
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) y[i] = a[i] + b[i]; }
            case SUB -> { for (int i = 0; i < n; i++) y[i] = a[i] - b[i]; }
            case MUL -> { for (int i = 0; i < n; i++) y[i] = a[i] * b[i]; }
            case DIV -> { for (int i = 0; i < n; i++) y[i] = a[i] / b[i]; }
            case MAX -> { for (int i = 0; i < n; i++) y[i] = Math.max(a[i], b[i]); }
            case MIN -> { for (int i = 0; i < n; i++) y[i] = Math.min(a[i], b[i]); }
            case EQ -> { for (int i = 0; i < n; i++) y[i] = a[i] == b[i] ? 1 : 0; }
            case GT -> { for (int i = 0; i < n; i++) y[i] = a[i] > b[i] ? 1 : 0; }
            case GE -> { for (int i = 0; i < n; i++) y[i] = a[i] >= b[i] ? 1 : 0; }
            case LT -> { for (int i = 0; i < n; i++) y[i] = a[i] < b[i] ? 1 : 0; }
            case LE -> { for (int i = 0; i < n; i++) y[i] = a[i] <= b[i] ? 1 : 0; }
            case POW -> { for (int i = 0; i < n; i++) y[i] = Math.pow(a[i], b[i]); }
        }
        // END SOLUTION
    }

    /** Folds n values into an accumulator: their sum or their maximum. */
    static double reduce(ReduceOp op, double acc, double[] x, int n) {
        // BEGIN SOLUTION task-0.5: fold the n values into the accumulator: add them for SUM, keep the largest for MAX (see tutorials/02-broadcasting.md)
        switch (op) {
            case SUM -> { for (int i = 0; i < n; i++) acc += x[i]; }
            case MAX -> { for (int i = 0; i < n; i++) acc = Math.max(acc, x[i]); }
        }
        return acc;
        // END SOLUTION
    }
}
