package dev.masquerade.motion.model;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.ops.Sampling;
import java.util.List;

/**
 * The first-order approximation of motion around each keypoint, in tensor operations (so its
 * gradients are autograd's). For a point z of the driving frame near driving keypoint d, the
 * matching point of the source frame is, to first order,
 * <pre>  T(z) ≈ s + J (z − d),   J = J_s · J_d⁻¹,</pre>
 * where s is the source's keypoint and J_s, J_d the two frames' Jacobians there: each
 * keypoint's motion is a shift and a local linear map (rotation, scale, shear), not a shift
 * alone. Tutorial: tutorials/30-motion.md.
 */
public final class FirstOrderMotion {
    private FirstOrderMotion() {
    }

    /** A Gaussian bump of variance {@code variance} (in [−1, 1] units²) at each point of [N, K, 2]: heatmaps [N, K, h, w]. */
    public static Tensor heatmaps(Tensor points, int h, int w, double variance) {
        int n = points.size(0), k = points.size(1);
        Tensor grid = Sampling.coordinateGrid(h, w, points.dtype(), points.device()).reshape(1, 1, h, w, 2);
        Tensor offset = grid.sub(points.reshape(n, k, 1, 1, 2));
        return offset.mul(offset).sum(new int[] {4}, false).mul(-0.5 / variance).exp();
    }

    /**
     * The motion each keypoint proposes for every pixel of an h × w driving frame, and the
     * background's (no motion): sampling points [N, K + 1, h, w, 2] into the source frame, the
     * background first.
     */
    // snippet: sparse-motions
    public static Tensor sparseMotions(Keypoints source, Keypoints driving, int h, int w) {
        int n = source.value().size(0), k = source.count();
        // BEGIN SOLUTION task-11.3: every keypoint's motion of every pixel z of the coordinate grid, s + J_s·J_d⁻¹·(z − d) (inverse2x2 and matmul), after the background's z itself: [N, K + 1, h, w, 2] (see tutorials/30-motion.md)
        Tensor grid = Sampling.coordinateGrid(h, w, source.value().dtype(), source.value().device()).reshape(1, 1, h, w, 2);
        Tensor fromKeypoint = grid.sub(driving.value().reshape(n, k, 1, 1, 2)).unsqueeze(4); // z − d as rows [N, K, h, w, 1, 2]
        Tensor jacobian = source.jacobian().matmul(inverse2x2(driving.jacobian())).reshape(n, k, 1, 1, 2, 2);
        // J (z − d): row i is Σⱼ Jᵢⱼ (z − d)ⱼ; products and a sum, not a matmul per pixel of 2×2 by 2×1
        Tensor moved = jacobian.mul(fromKeypoint).sum(new int[] {5}, false).add(source.value().reshape(n, k, 1, 1, 2));
        return Tensor.concat(List.of(grid.expand(n, 1, h, w, 2), moved), 1);
        // END SOLUTION
    }
    // end snippet

    /** The inverses of 2×2 matrices [..., 2, 2]: [[d, −b], [−c, a]] / (ad − bc). */
    public static Tensor inverse2x2(Tensor m) {
        int rank = m.rank();
        Tensor a = m.narrow(rank - 2, 0, 1).narrow(rank - 1, 0, 1), b = m.narrow(rank - 2, 0, 1).narrow(rank - 1, 1, 1);
        Tensor c = m.narrow(rank - 2, 1, 1).narrow(rank - 1, 0, 1), d = m.narrow(rank - 2, 1, 1).narrow(rank - 1, 1, 1);
        Tensor determinant = a.mul(d).sub(b.mul(c));
        Tensor adjugate = Tensor.concat(List.of(Tensor.concat(List.of(d, b.neg()), rank - 1), Tensor.concat(List.of(c.neg(), a), rank - 1)),
                rank - 2);
        return adjugate.div(determinant);
    }
}
