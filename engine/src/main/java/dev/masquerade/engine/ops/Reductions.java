package dev.masquerade.engine.ops;

import dev.masquerade.engine.Autograd;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Shape;
import dev.masquerade.engine.backend.BinaryOp;
import dev.masquerade.engine.backend.ReduceOp;

/**
 * Reductions over a set of axes (an empty set means every axis). {@code keepDim} keeps the
 * reduced axes with size 1, which makes the result broadcast against the input.
 * Tutorial: tutorials/02-broadcasting.md.
 */
public final class Reductions {
    private Reductions() {
    }

    /** d Σx / dxᵢ = 1: the gradient is copied (broadcast) back over the summed axes. */
    public static Tensor sum(Tensor x, int[] axes, boolean keepDim) {
        int[] sorted = Shape.normalizeAxes("sum", axes, x.rank());
        Tensor kept = reduce("sum", ReduceOp.SUM, x, sorted);
        Tensor out = keepDim ? kept : kept.reshape(Shape.reduced(x.shape(), sorted, false));
        return Autograd.record("sum", out, g -> new Tensor[] {g.reshape(kept.shape()).expand(x.shape())}, x);
    }

    /**
     * d max / dxᵢ = 1 for the maximal element, 0 for the others; ties share the gradient
     * equally (a subgradient).
     */
    public static Tensor max(Tensor x, int[] axes, boolean keepDim) {
        int[] sorted = Shape.normalizeAxes("max", axes, x.rank());
        Tensor kept = reduce("max", ReduceOp.MAX, x, sorted);
        Tensor out = keepDim ? kept : kept.reshape(Shape.reduced(x.shape(), sorted, false));
        return Autograd.record("max", out, g -> {
            Tensor isMax = Arithmetic.compare(BinaryOp.EQ, x, kept);
            Tensor share = isMax.div(isMax.sum(sorted, true));
            return new Tensor[] {share.mul(g.reshape(kept.shape()))};
        }, x);
    }

    /** Σx / n; built from sum, so autograd derives d mean / dxᵢ = 1/n. */
    public static Tensor mean(Tensor x, int[] axes, boolean keepDim) {
        int[] sorted = Shape.normalizeAxes("mean", axes, x.rank());
        return sum(x, sorted, keepDim).div(count(x, sorted));
    }

    /** Population variance mean((x − mean x)²); autograd derives 2(xᵢ − mean)/n. */
    public static Tensor var(Tensor x, int[] axes, boolean keepDim) {
        Tensor centered = x.sub(mean(x, axes, true));
        return mean(centered.mul(centered), axes, keepDim);
    }

    /**
     * log Σ eˣ = m + log Σ e^(x − m) with m = max x, so no exponential overflows. m is detached:
     * the result does not depend on the choice of m, so no gradient flows through it, and the
     * gradient that remains is softmax(x).
     */
    public static Tensor logsumexp(Tensor x, int[] axes, boolean keepDim) {
        int[] sorted = Shape.normalizeAxes("logsumexp", axes, x.rank());
        Tensor m = max(x, sorted, true).detach();
        Tensor kept = sum(x.sub(m).exp(), sorted, true).log().add(m);
        return keepDim ? kept : kept.reshape(Shape.reduced(x.shape(), sorted, false));
    }

    private static int count(Tensor x, int[] sortedAxes) {
        int n = 1;
        for (int axis : sortedAxes) {
            n *= x.shape()[axis];
        }
        return n;
    }

    /** The reduction with reduced axes kept as size 1, not recorded. */
    private static Tensor reduce(String op, ReduceOp code, Tensor x, int[] sortedAxes) {
        Arithmetic.requireFloatingPoint(op, x);
        Tensor out = Tensor.empty(x.dtype(), x.device(), Shape.reduced(x.shape(), sortedAxes, true));
        x.backend().reduce(code, x.array(), sortedAxes, out.array());
        return out;
    }
}
