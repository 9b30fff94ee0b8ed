package dev.masquerade.tutorials;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.workflow.SeamlessClone;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Chapter 21, seamless cloning: the screened Poisson equation from its energy, solved on a row
 * of six pixels by hand (a tridiagonal system) and by conjugate gradients, then on a picture by
 * the engine ({@link SeamlessClone}), checked by the engine's own gradient of the energy.
 */
public final class SeamlessChapter extends Chapter {
    /** The target row: only its two ends, the border of Ω, matter. */
    static final double[] TARGET = {10, 0, 0, 0, 0, 20};
    /** The source row: a ramp of slope 3, far brighter than the target. */
    static final double[] SOURCE = {48, 51, 54, 57, 60, 63};
    /** The screening of the worked example's second solution. */
    static final double LAMBDA = 0.5;
    /** Side of the 2-D example. */
    static final int SIDE = 16;

    public SeamlessChapter() {
        super(21, "Seamless cloning: the screened Poisson equation and conjugate gradients", "21-seamless-cloning.md");
    }

    // snippet: row
    /**
     * The screened Poisson system of a row whose inner pixels 1..n−2 are Ω and whose ends are the
     * border: for p in Ω, (2 + λ) f_p − Σ_{q ∈ N_p ∩ Ω} f_q = (2 + λ) g_p − g_{p−1} − g_{p+1} + Σ_{q ∈ N_p \ Ω} t_q
     * (two neighbours a pixel in a row, four in a picture). Returns {diagonal, right-hand side};
     * every off-diagonal entry between neighbours in Ω is −1.
     */
    static double[][] rowSystem(double[] t, double[] g, double lambda) {
        int n = t.length - 2;
        double[] diagonal = new double[n], b = new double[n];
        for (int i = 0; i < n; i++) {
            int p = i + 1;
            diagonal[i] = 2 + lambda;
            b[i] = (2 + lambda) * g[p] - g[p - 1] - g[p + 1];
        }
        b[0] += t[0];
        b[n - 1] += t[t.length - 1];
        return new double[][] {diagonal, b};
    }

    /** The tridiagonal system with −1 beside the diagonal, solved by elimination (the Thomas algorithm). */
    static double[] solveTridiagonal(double[] diagonal, double[] b) {
        int n = b.length;
        double[] d = diagonal.clone(), r = b.clone();
        for (int i = 1; i < n; i++) { // eliminate the −1 below the diagonal: row i += row i−1 / d[i−1]
            d[i] -= 1 / d[i - 1];
            r[i] += r[i - 1] / d[i - 1];
        }
        double[] x = new double[n];
        x[n - 1] = r[n - 1] / d[n - 1];
        for (int i = n - 2; i >= 0; i--) {
            x[i] = (r[i] + x[i + 1]) / d[i];
        }
        return x;
    }
    // end snippet

    // snippet: cg
    /**
     * Conjugate gradients for A x = b, A symmetric positive definite and given as its product
     * with a vector. Each step moves along a direction A-conjugate to all before it, the exact
     * step length along it, so in exact arithmetic it ends within n steps. Returns x with the
     * number of steps in its last slot.
     */
    static double[] conjugateGradients(UnaryOperator<double[]> a, double[] b, double tolerance) {
        int n = b.length;
        double[] x = new double[n], r = b.clone(), p = b.clone();
        double rr = dot(r, r);
        int steps = 0;
        while (Math.sqrt(rr / dot(b, b)) > tolerance && steps < 10 * n) {
            double[] ap = a.apply(p);
            double alpha = rr / dot(p, ap);            // the exact minimum along p
            for (int i = 0; i < n; i++) {
                x[i] += alpha * p[i];
                r[i] -= alpha * ap[i];
            }
            double next = dot(r, r);
            for (int i = 0; i < n; i++) {
                p[i] = r[i] + next / rr * p[i];        // the new residual, made A-conjugate to p
            }
            rr = next;
            steps++;
        }
        double[] out = java.util.Arrays.copyOf(x, n + 1);
        out[n] = steps;
        return out;
    }
    // end snippet

    /** A x for the row's matrix: (2 + λ) on the diagonal, −1 beside it. */
    static double[] rowProduct(double[] x, double lambda) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (2 + lambda) * x[i] - (i > 0 ? x[i - 1] : 0) - (i < x.length - 1 ? x[i + 1] : 0);
        }
        return y;
    }

    /** The energy of a row: Σ over neighbour pairs of ((f_p − f_q) − (g_p − g_q))², plus λ Σ_Ω (f_p − g_p)²; f's ends are t's. */
    static double rowEnergy(double[] inner, double[] t, double[] g, double lambda) {
        double[] f = t.clone();
        System.arraycopy(inner, 0, f, 1, inner.length);
        double e = 0;
        for (int p = 0; p + 1 < f.length; p++) {
            e += Math.pow((f[p + 1] - f[p]) - (g[p + 1] - g[p]), 2);
        }
        for (int p = 1; p < f.length - 1; p++) {
            e += lambda * Math.pow(f[p] - g[p], 2);
        }
        return e;
    }

    // snippet: energy
    /**
     * The picture's energy as engine operations, [1, 3, S, S] each and the region m [1, 1, S, S]:
     * f counts only inside m (outside, the target t stands), every horizontal and vertical
     * neighbour pair adds its squared gradient difference, and λ ties f to g inside m. Pairs
     * wholly outside m add a constant, which changes no gradient.
     */
    static Tensor energy(Tensor f, Tensor t, Tensor g, Tensor m, double lambda) {
        Tensor whole = f.mul(m).add(t.mul(m.neg().add(1)));
        int s = f.size(3);
        Tensor across = difference(whole, 3, s).sub(difference(g, 3, s)), down = difference(whole, 2, s).sub(difference(g, 2, s));
        return across.mul(across).sum().add(down.mul(down).sum()).add(f.sub(g).mul(f.sub(g)).mul(m).sum().mul(lambda));
    }

    private static Tensor difference(Tensor x, int axis, int s) {
        return x.narrow(axis, 1, s - 1).sub(x.narrow(axis, 0, s - 1));
    }
    // end snippet

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The 2-D example: a random target and source in float64, Ω the middle square without a 3-pixel border. */
    static Tensor[] pictureExample() {
        Tensor t = Tensor.rand(new Rng(21), 1, 3, SIDE, SIDE).to(DType.F64), g = Tensor.rand(new Rng(22), 1, 3, SIDE, SIDE).add(1).to(DType.F64);
        double[] m = new double[SIDE * SIDE];
        for (int y = 3; y < SIDE - 3; y++) {
            for (int x = 3; x < SIDE - 3; x++) {
                m[y * SIDE + x] = 1;
            }
        }
        return new Tensor[] {t, g, Tensor.of(m, DType.F64, t.device(), 1, 1, SIDE, SIDE)};
    }

    @Override
    public Map<String, Double> numbers() {
        Map<String, Double> numbers = new LinkedHashMap<>();
        double[][] poissonSystem = rowSystem(TARGET, SOURCE, 0);
        double[] poisson = solveTridiagonal(poissonSystem[0], poissonSystem[1]);
        for (int i = 0; i < 4; i++) {
            numbers.put("b " + i, poissonSystem[1][i]);
        }
        for (int i = 0; i < 4; i++) {
            numbers.put("poisson " + i, poisson[i]);
        }
        double[][] screenedSystem = rowSystem(TARGET, SOURCE, LAMBDA);
        double[] screened = solveTridiagonal(screenedSystem[0], screenedSystem[1]);
        for (int i = 0; i < 4; i++) {
            numbers.put("screened " + i, screened[i]);
        }
        double[] cg = conjugateGradients(x -> rowProduct(x, LAMBDA), screenedSystem[1], 1e-12);
        numbers.put("cg steps", cg[4]);
        numbers.put("cg difference", MatmulChapter.maxDifference(java.util.Arrays.copyOf(cg, 4), screened));
        Tensor[] example = pictureExample();
        SeamlessClone.Solution solution = SeamlessClone.solve(example[0], example[1], example[2], 0.1, 1e-10, 1000);
        numbers.put("picture steps", (double) solution.iterations());
        Tensor f = solution.result().detach().requiresGrad(true);
        energy(f, example[0], example[1], example[2], 0.1).backward();
        numbers.put("energy gradient", f.grad().abs().max().item());
        Tensor shifted = SeamlessClone.solve(example[0], example[0].add(0.3), example[2], 0, 1e-10, 1000).result();
        numbers.put("shift left", shifted.sub(example[0]).abs().max().item());
        return numbers;
    }
}
