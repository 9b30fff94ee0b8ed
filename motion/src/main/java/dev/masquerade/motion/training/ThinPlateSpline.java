package dev.masquerade.motion.training;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.ops.Sampling;

/**
 * A random smooth warp of the plane, for the equivariance losses: an affine map near the
 * identity plus a thin-plate spline through a grid of control points,
 * <pre>  T(z) = A z + b + Σₚ wₚ U(|z − cₚ|),   U(r) = ½ r² log(r² + ε),</pre>
 * with the Jacobian written out, so that no second derivative is needed:
 * <pre>  ∂T/∂z = A + Σₚ wₚ (log(r² + ε) + r²/(r² + ε)) (z − cₚ)ᵀ.</pre>
 * One warp per picture of a batch. Tutorial: tutorials/30-motion.md.
 */
public final class ThinPlateSpline {
    private static final double EPS = 1e-6;
    private final Tensor affine; // [N, 2, 3]: A beside b
    private final Tensor control; // [P, 2]
    private final Tensor weights; // [N, P, 2]

    private ThinPlateSpline(Tensor affine, Tensor control, Tensor weights) {
        this.affine = affine;
        this.control = control;
        this.weights = weights;
    }

    /**
     * {@code n} random warps: the affine part the identity plus Gaussian noise of {@code affineSigma},
     * the spline's weights on a {@code grid} × {@code grid} of control points Gaussian of {@code splineSigma}.
     */
    public static ThinPlateSpline random(int n, double affineSigma, double splineSigma, int grid, Rng rng, DType dtype, Device device) {
        Tensor identity = Tensor.of(new double[] {1, 0, 0, 0, 1, 0}, dtype, device, 1, 2, 3);
        Tensor affine = identity.add(Tensor.randn(rng, n, 2, 3).to(dtype).to(device).mul(affineSigma));
        Tensor control = Sampling.coordinateGrid(grid, grid, dtype, device).reshape(grid * grid, 2);
        Tensor weights = Tensor.randn(rng, n, grid * grid, 2).to(dtype).to(device).mul(splineSigma);
        return new ThinPlateSpline(affine, control, weights);
    }

    /** The warped points: [N, M, 2] → [N, M, 2]. */
    public Tensor warp(Tensor points) {
        Tensor a = affine.narrow(2, 0, 2), b = affine.narrow(2, 2, 1).reshape(affine.size(0), 1, 2);
        Tensor linear = points.matmul(a.transpose(1, 2)).add(b);
        Tensor squared = squaredDistances(points); // [N, M, P]
        Tensor bumps = squared.mul(squared.add(EPS).log()).mul(0.5);
        return linear.add(bumps.matmul(weights));
    }

    /** The Jacobians ∂T/∂z at points [N, M, 2]: [N, M, 2, 2]. */
    public Tensor jacobian(Tensor points) {
        // BEGIN SOLUTION task-11.4: ∂T/∂z at each point: A plus Σₚ wₚ (log(r² + ε) + r²/(r² + ε)) (z − cₚ)ᵀ, from squaredDistances, weights, control and affine (see tutorials/30-motion.md)
        int n = points.size(0), m = points.size(1), p = control.size(0);
        Tensor squared = squaredDistances(points);
        Tensor slope = squared.add(EPS).log().add(squared.div(squared.add(EPS))); // [N, M, P]
        Tensor offsets = points.reshape(n, m, 1, 2).sub(control.reshape(1, 1, p, 2)); // [N, M, P, 2]
        // Σₚ wₚ (slope · offsetₚ)ᵀ: row i of the Jacobian is Σₚ wₚᵢ slopeₚ offsetₚ
        Tensor spline = weights.reshape(n, 1, p, 2).mul(slope.unsqueeze(3)).transpose(2, 3).matmul(offsets);
        return affine.narrow(2, 0, 2).reshape(n, 1, 2, 2).add(spline);
        // END SOLUTION
    }

    /** Frames [N, C, H, W] warped: each output pixel z reads the frame at T(z). */
    public Tensor warpFrames(Tensor frames) {
        int n = frames.size(0), h = frames.size(2), w = frames.size(3);
        Tensor grid = Sampling.coordinateGrid(h, w, frames.dtype(), frames.device()).reshape(1, h * w, 2).expand(n, h * w, 2);
        return frames.gridSample(warp(grid).reshape(n, h, w, 2));
    }

    /** |z − cₚ|² for every point and control point, [N, M, P], as |z|² − 2 z·cₚ + |cₚ|² (one product, no [N, M, P, 2] temporary). */
    private Tensor squaredDistances(Tensor points) {
        Tensor lengths = points.mul(points).sum(new int[] {2}, true);
        Tensor controlLengths = control.mul(control).sum(new int[] {1}, false).reshape(1, 1, control.size(0));
        return lengths.add(controlLengths).sub(points.matmul(control.transpose(0, 1)).mul(2)).relu(); // relu: rounding may dip below 0
    }
}
