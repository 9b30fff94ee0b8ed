package dev.masquerade.engine.ops;

import dev.masquerade.engine.Autograd;
import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.Trace;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Shape;
import dev.masquerade.engine.backend.BinaryOp;
import dev.masquerade.engine.backend.ReduceOp;
import java.util.Map;

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
        return Autograd.record("sum", Map.of("axes", sorted, "keepDim", keepDim), out, g -> {
            // BEGIN SOLUTION task-2.4: sum's backward: every summed element of x receives the gradient of its sum (see tutorials/02-broadcasting.md)
            return new Tensor[] {g.reshape(kept.shape()).expand(x.shape())};
            // END SOLUTION
        }, x);
    }

    /**
     * d max / dxᵢ = 1 for the maximal element, 0 for the others; ties share the gradient
     * equally (a subgradient).
     */
    public static Tensor max(Tensor x, int[] axes, boolean keepDim) {
        int[] sorted = Shape.normalizeAxes("max", axes, x.rank());
        Tensor kept = reduce("max", ReduceOp.MAX, x, sorted);
        Tensor out = keepDim ? kept : kept.reshape(Shape.reduced(x.shape(), sorted, false));
        return Autograd.record("max", Map.of("axes", sorted, "keepDim", keepDim), out, g -> {
            // BEGIN SOLUTION task-2.7: max's backward: the gradient of each maximum goes to the elements of x equal to it, shared equally among ties (see tutorials/02-broadcasting.md)
            Tensor isMax = Arithmetic.compare(BinaryOp.EQ, x, kept);
            Tensor share = isMax.div(isMax.sum(sorted, true));
            return new Tensor[] {share.mul(g.reshape(kept.shape()))};
            // END SOLUTION
        }, x);
    }

    /** Σx / n; built from sum, so autograd derives d mean / dxᵢ = 1/n. */
    public static Tensor mean(Tensor x, int[] axes, boolean keepDim) {
        int[] sorted = Shape.normalizeAxes("mean", axes, x.rank());
        return sum(x, sorted, keepDim).div(count(x, sorted));
    }

    /**
     * Variance Σ(x − mean x)² / (n − 1) when unbiased (Bessel's correction, PyTorch's default:
     * the sample variance), / n otherwise (the population variance batch normalisation uses).
     * Built from mean and mul, so autograd derives 2(xᵢ − mean)/(n − 1) or /n.
     */
    public static Tensor var(Tensor x, int[] axes, boolean unbiased, boolean keepDim) {
        int[] sorted = Shape.normalizeAxes("var", axes, x.rank());
        int n = count(x, sorted);
        if (unbiased && n < 2) {
            throw new IllegalArgumentException("var: an unbiased variance needs at least 2 elements per result, got " + n + " from shape "
                    + Shape.str(x.shape()) + "; reduce over more elements or pass unbiased = false");
        }
        // BEGIN SOLUTION task-2.8: the variance from mean, sub and mul (autograd derives its gradient), divided by n - 1 when unbiased (see tutorials/02-broadcasting.md)
        Tensor centered = x.sub(mean(x, sorted, true));
        Tensor population = mean(centered.mul(centered), sorted, keepDim);
        return unbiased ? population.mul((double) n / (n - 1)) : population;
        // END SOLUTION
    }

    /** The square root of {@link #var}: d std = d var / (2 std). */
    public static Tensor std(Tensor x, int[] axes, boolean unbiased, boolean keepDim) {
        return var(x, axes, unbiased, keepDim).sqrt();
    }

    /** The smallest element: −max(−x), so the gradient goes to the minimum as max's goes to the maximum. */
    public static Tensor min(Tensor x, int[] axes, boolean keepDim) {
        return max(x.neg(), axes, keepDim).neg();
    }

    /**
     * The position of the largest element along {@code axis} (I32; the first one where several
     * tie). Not differentiable: a position has no gradient. Built from tensor operations (the
     * maximum, a comparison, the smallest matching index), so it runs on every backend.
     */
    public static Tensor argmax(Tensor x, int axis, boolean keepDim) {
        return firstPosition("argmax", x, axis, keepDim, false);
    }

    /** The position of the smallest element along {@code axis} (I32; the first of ties). */
    public static Tensor argmin(Tensor x, int axis, boolean keepDim) {
        return firstPosition("argmin", x, axis, keepDim, true);
    }

    private static Tensor firstPosition(String op, Tensor x, int axis, boolean keepDim, boolean smallest) {
        int a = Shape.normalizeAxis(op, axis, x.rank());
        try (var scope = NoGrad.enter()) {
            Tensor values = smallest ? x.detach().neg() : x.detach();
            Tensor best = values.max(new int[] {a}, true);
            int n = x.size(a);
            int[] positionShape = new int[x.rank()];
            java.util.Arrays.fill(positionShape, 1);
            positionShape[a] = n;
            Tensor positions = Tensor.arange(0, n, 1, x.dtype(), x.device()).reshape(positionShape);
            Tensor candidates = Tensor.where(Arithmetic.compare(BinaryOp.EQ, values, best), positions, positions.scalarLike(n));
            return Trace.record(op, Map.of("axis", a, "keepDim", keepDim), min(candidates, new int[] {a}, keepDim).to(DType.I32), x);
        }
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
