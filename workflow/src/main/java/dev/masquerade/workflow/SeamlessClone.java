package dev.masquerade.workflow;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Tensor;

/**
 * Seamless cloning (Pérez, Gangnet and Blake, "Poisson Image Editing", 2003), screened: inside
 * the region Ω the result f keeps the source's gradients, and on Ω's border it meets the
 * target, so no edge is left where the two join. f minimises
 *
 * <pre>
 *   E(f) = Σ over neighbour pairs (p, q) touching Ω of ((f_p − f_q) − (g_p − g_q))²  +  λ Σ_{p ∈ Ω} (f_p − g_p)²
 * </pre>
 *
 * with f = t (the target) outside Ω and g the source. λ, the screening, pulls f towards the
 * source's own colours (λ = 0 is Poisson cloning proper, which takes all colour from the
 * border). Setting ∂E/∂f_p = 0 for every p in Ω gives a linear system, the screened Poisson
 * equation, with N(·) the sum of the four neighbours:
 *
 * <pre>
 *   (4 + λ) f_p − Σ_{q ∈ N_p ∩ Ω} f_q  =  (4 + λ) g_p − N(g)_p + Σ_{q ∈ N_p \ Ω} t_q        for p in Ω
 * </pre>
 *
 * Its matrix is symmetric and positive definite, so conjugate gradients solve it; every step is
 * engine tensor operations (the neighbour sum is a 3 × 3 convolution), so it runs on the device
 * the tensors live on. Tutorial: tutorials/21-seamless-cloning.md derives all of it.
 */
public final class SeamlessClone {
    /** The neighbour sum as a convolution kernel: up, down, left and right. */
    private static final float[] NEIGHBOURS = {0, 1, 0, 1, 0, 1, 0, 1, 0};

    /**
     * The solution and how it was reached.
     *
     * @param result     f, [1, 3, S, S]: the solution inside the region, the target outside
     * @param iterations conjugate-gradient steps taken
     * @param residual   the final residual's norm over the right-hand side's
     */
    public record Solution(Tensor result, int iterations, double residual) {
    }

    private SeamlessClone() {
    }

    /**
     * Clones {@code source} into {@code target} (both [1, 3, S, S]) inside {@code region}
     * ([1, 1, S, S], 1 inside; the crop's outermost pixels are left out of it, so every pixel
     * of Ω has its four neighbours), with screening λ; stops when the residual has fallen to
     * {@code tolerance} of the right-hand side, or after {@code maxIterations}.
     */
    // snippet: solve
    public static Solution solve(Tensor target, Tensor source, Tensor region, double screening, double tolerance, int maxIterations) {
        if (!(screening >= 0) || !(tolerance > 0) || maxIterations < 1) {
            throw new IllegalArgumentException("seamless cloning needs a screening of at least 0, a tolerance above 0 and at least one"
                    + " iteration; got " + screening + ", " + tolerance + " and " + maxIterations);
        }
        int size = target.size(2);
        try (var scope = NoGrad.enter()) {
            Tensor inside = innerRegion(region, size).expand(1, 3, size, size).contiguous();
            Tensor outside = inside.neg().add(1);
            // b = (4 + λ) g − N(g) + N((1 − M) t), on Ω
            Tensor b = source.mul(4 + screening).sub(neighbours(source)).add(neighbours(outside.mul(target))).mul(inside);
            // BEGIN SOLUTION task-8.5: conjugate gradients for A x = b from x = the source on Ω (apply gives A x): the residual, the direction, and per step the exact step length α = r·r / p·Ap, the updates of x and r, and the next direction r + (r'·r' / r·r) p, until the residual falls to tolerance of |b| or maxIterations; then f = x inside, the target outside (see tutorials/21-seamless-cloning.md)
            Tensor x = source.mul(inside);
            Tensor r = b.sub(apply(x, inside, screening));
            Tensor p = r;
            double rr = dot(r, r), bb = Math.max(dot(b, b), 1e-30);
            int iterations = 0;
            while (iterations < maxIterations && Math.sqrt(rr / bb) > tolerance) {
                Tensor ap = apply(p, inside, screening);
                double alpha = rr / dot(p, ap);
                x = x.add(p.mul(alpha));
                r = r.sub(ap.mul(alpha));
                double next = dot(r, r);
                p = r.add(p.mul(next / rr));
                rr = next;
                iterations++;
            }
            return new Solution(x.mul(inside).add(outside.mul(target)), iterations, Math.sqrt(rr / bb));
            // END SOLUTION
        }
    }
    // end snippet

    /** A x = M ⊙ ((4 + λ) x − N(M ⊙ x)): the system's matrix, on Ω. */
    static Tensor apply(Tensor x, Tensor inside, double screening) {
        return x.mul(4 + screening).sub(neighbours(x.mul(inside))).mul(inside);
    }

    /** N(x): each pixel's four neighbours summed (0 beyond the border), channel by channel. */
    static Tensor neighbours(Tensor x) {
        int size = x.size(2);
        Tensor kernel = Tensor.of(NEIGHBOURS, 1, 1, 3, 3).to(x.dtype()).to(x.device());
        return x.reshape(3, 1, size, size).conv2d(kernel, null, 1, 1, 1).reshape(1, 3, size, size);
    }

    /** The region as 0 and 1 (at least half counts as inside), without the crop's outermost pixels. */
    private static Tensor innerRegion(Tensor region, int size) {
        float[] mask = region.to(dev.masquerade.engine.array.Device.CPU).toFloatArray();
        float[] inner = new float[size * size];
        for (int y = 1; y < size - 1; y++) {
            for (int x = 1; x < size - 1; x++) {
                inner[y * size + x] = mask[y * size + x] >= 0.5f ? 1 : 0;
            }
        }
        return Tensor.of(inner, 1, 1, size, size).to(region.dtype()).to(region.device());
    }

    private static double dot(Tensor a, Tensor b) {
        return a.mul(b).sum().item();
    }
}
