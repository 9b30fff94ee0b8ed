package dev.masquerade.motion.training;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.motion.model.FirstOrderMotion;
import dev.masquerade.motion.model.Keypoints;
import dev.masquerade.motion.model.MotionModel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the first-order motion model learns from, with no labels at all: the source redrawn must
 * look like the driving frame (the mean absolute difference at four scales, so coarse shape and
 * fine detail both count), and the keypoints must move with the picture: warp the driving frame
 * by a random {@link ThinPlateSpline} T, find its keypoints again, and T must carry them (and
 * their Jacobians, through T's own) back onto the driving frame's. Without the equivariance
 * terms, keypoints need not sit on anything in particular. Tutorial: tutorials/30-motion.md.
 */
public final class MotionLoss {
    /** The reconstruction's scales: the frame, then halved three times. */
    static final int SCALES = 4;
    private final double equivarianceWeight;
    private final double affineSigma;
    private final double splineSigma;

    /** Equivariance weighted as the paper's (10 each), warps of σ 0.05 (affine) and 0.005 (spline, 5×5 points). */
    public static final MotionLoss DEFAULT = new MotionLoss(10, 0.05, 0.005);

    public MotionLoss(double equivarianceWeight, double affineSigma, double splineSigma) {
        this.equivarianceWeight = equivarianceWeight;
        this.affineSigma = affineSigma;
        this.splineSigma = splineSigma;
    }

    /** The losses of one batch, by name ("loss" their weighted sum), as tensors of one element. */
    public Map<String, Tensor> of(MotionModel model, Tensor source, Tensor driving, Rng rng) {
        MotionModel.Animation animation = model.animate(source, driving);
        Tensor reconstruction = pyramidL1(animation.prediction(), driving);
        ThinPlateSpline warp = ThinPlateSpline.random(driving.size(0), affineSigma, splineSigma, 5, rng, driving.dtype(), driving.device());
        Keypoints seen = model.keypoints().detect(warp.warpFrames(driving));
        Keypoints expected = animation.driving();
        Tensor value = expected.value().sub(warp.warp(seen.value())).abs().mean();
        // J_d⁻¹ · (∂T · J_seen) should be the identity
        Tensor carried = FirstOrderMotion.inverse2x2(expected.jacobian()).matmul(warp.jacobian(seen.value()).matmul(seen.jacobian()));
        Tensor identity = Tensor.of(new double[] {1, 0, 0, 1}, carried.dtype(), carried.device(), 1, 1, 2, 2);
        Tensor jacobian = identity.sub(carried).abs().mean();
        Map<String, Tensor> losses = new LinkedHashMap<>();
        losses.put("loss", reconstruction.add(value.add(jacobian).mul(equivarianceWeight)));
        losses.put("reconstruction", reconstruction);
        losses.put("equivariance_value", value);
        losses.put("equivariance_jacobian", jacobian);
        return losses;
    }

    /** Σ over four scales of the mean absolute difference of the two pictures, each scale half the last. */
    public static Tensor pyramidL1(Tensor prediction, Tensor truth) {
        Tensor sum = prediction.sub(truth).abs().mean();
        for (int scale = 1; scale < SCALES && prediction.size(2) >> scale > 0; scale++) {
            prediction = prediction.avgPool2d(2);
            truth = truth.avgPool2d(2);
            sum = sum.add(prediction.sub(truth).abs().mean());
        }
        return sum;
    }
}
