package dev.masquerade.engine.testing;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Checks a backward pass against central finite differences in float64.
 *
 * <p>For inputs x and an upstream gradient u with random, distinct values, the function
 * checked is the scalar L(x) = Σ u ⊙ f(x), whose gradient autograd computes by
 * {@code f(x).backward(u)}. (With u = 1, i.e. {@code sum()}, a backward that mixed up
 * elements of the output could still pass.) Numerically, ∂L/∂xⱼ ≈ (L(x + εeⱼ) − L(x − εeⱼ)) / 2ε,
 * with error O(ε²). For each input, the relative error is
 * ‖analytic − numeric‖ / max(‖analytic‖ + ‖numeric‖, 1e-12) over all its elements, and must
 * not exceed {@link #TOLERANCE}.
 */
public final class GradCheck {
    /** Largest relative error accepted. */
    public static final double TOLERANCE = 1e-6;
    /** Step of the central differences. */
    public static final double EPSILON = 1e-6;

    private GradCheck() {
    }

    /** The operation under test, applied to its inputs. */
    @FunctionalInterface
    public interface Op {
        Tensor apply(List<Tensor> inputs);
    }

    /** The analytic and numeric gradients of one input, and their relative error. */
    public record Comparison(int input, double[] analytic, double[] numeric, double relativeError) {
    }

    /** A random upstream gradient: distinct values spread over [-1, 1], away from 0. */
    public static double[] upstream(SplittableRandom random, int n) {
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = (0.25 + 0.75 * (i + random.nextDouble()) / n) * (random.nextBoolean() ? 1 : -1);
        }
        return u;
    }

    /**
     * Compares autograd's gradient of every differentiable input with finite differences, given
     * the gradients autograd produced ({@code analytic.get(i)}, null for inputs not differentiated).
     */
    public static List<Comparison> compare(Op op, List<HostTensor> inputs, List<Boolean> differentiable, double[] upstream,
                                           List<double[]> analytic) {
        List<Comparison> out = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (!differentiable.get(i)) {
                continue;
            }
            double[] numeric = numericGradient(op, inputs, i, upstream);
            out.add(new Comparison(i, analytic.get(i), numeric, relativeError(analytic.get(i), numeric)));
        }
        return out;
    }

    /** ‖a − n‖ / max(‖a‖ + ‖n‖, 1e-12). */
    public static double relativeError(double[] a, double[] n) {
        double diff = 0, na = 0, nn = 0;
        for (int i = 0; i < a.length; i++) {
            diff += (a[i] - n[i]) * (a[i] - n[i]);
            na += a[i] * a[i];
            nn += n[i] * n[i];
        }
        return Math.sqrt(diff) / Math.max(Math.sqrt(na) + Math.sqrt(nn), 1e-12);
    }

    /**
     * Runs the whole check: builds float64 leaves, back-propagates a random upstream gradient
     * and compares with finite differences.
     *
     * @throws AssertionError naming the input, its relative error and both gradients
     */
    public static void assertGradientsMatch(Op op, List<HostTensor> inputs, List<Boolean> differentiable, SplittableRandom random) {
        List<Tensor> leaves = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            leaves.add(inputs.get(i).toTensor(DType.F64).requiresGrad(differentiable.get(i)));
        }
        Tensor y = op.apply(leaves);
        double[] u = upstream(random, y.numel());
        y.backward(Tensor.of(u, y.dtype(), y.device(), y.shape()));
        List<double[]> analytic = new ArrayList<>();
        for (Tensor leaf : leaves) {
            analytic.add(leaf.grad() == null ? null : leaf.grad().toDoubleArray());
        }
        for (Comparison c : compare(op, inputs, differentiable, u, analytic)) {
            if (c.analytic() == null) {
                throw new AssertionError("input " + c.input() + " received no gradient");
            }
            if (!(c.relativeError() <= TOLERANCE)) {
                throw new AssertionError(String.format("input %d: relative error %.3g exceeds %.0e; analytic %s, numeric %s", c.input(),
                        c.relativeError(), TOLERANCE, abbreviate(c.analytic()), abbreviate(c.numeric())));
            }
        }
    }

    private static double[] numericGradient(Op op, List<HostTensor> inputs, int which, double[] upstream) {
        HostTensor input = inputs.get(which);
        double[] values = input.values().clone();
        double[] grad = new double[values.length];
        for (int j = 0; j < values.length; j++) {
            double saved = values[j];
            values[j] = saved + EPSILON;
            double plus = loss(op, inputs, which, values, upstream);
            values[j] = saved - EPSILON;
            double minus = loss(op, inputs, which, values, upstream);
            values[j] = saved;
            grad[j] = (plus - minus) / (2 * EPSILON);
        }
        return grad;
    }

    private static double loss(Op op, List<HostTensor> inputs, int which, double[] values, double[] upstream) {
        List<Tensor> tensors = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            HostTensor h = i == which ? inputs.get(i).withValues(values) : inputs.get(i);
            tensors.add(h.contiguousCopy().toTensor(DType.F64));
        }
        double[] y;
        try (var scope = NoGrad.enter()) {
            y = op.apply(tensors).toDoubleArray();
        }
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += upstream[i] * y[i];
        }
        return sum;
    }

    private static String abbreviate(double[] v) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < Math.min(v.length, 8); i++) {
            s.append(i == 0 ? "" : ", ").append(String.format("%.6g", v[i]));
        }
        return s.append(v.length > 8 ? ", ...]" : "]").toString();
    }
}
