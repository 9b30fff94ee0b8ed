package dev.masquerade.motion.model;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.Module;

/**
 * The first-order motion model, its three networks together: the {@link KeypointDetector} finds
 * keypoints and Jacobians in the source and the driving frame, {@link DenseMotion} turns them
 * into a motion of the whole frame and an occlusion map, and the {@link Generator} moves the
 * source's features by it. Trained on pairs of frames of one clip (the source must become the
 * driving frame); used on a still picture of another face with a driving clip.
 */
public final class MotionModel extends Module {
    private final Architecture architecture;
    private final KeypointDetector keypoints;
    private final DenseMotion denseMotion;
    private final Generator generator;

    /**
     * The networks' sizes: keypoints, the frame's side, the hourglasses' first width, levels and
     * widest layer, the generator's first width, halvings and residual blocks.
     */
    public record Architecture(int keypoints, int size, int expansion, int blocks, int maxChannels, int generatorExpansion, int halvings,
                               int residualBlocks) {
        /** Ten keypoints on 64×64 frames: hourglasses of 3 levels from 32 channels, a generator of 2 halvings and 3 residual blocks. */
        public static final Architecture DEFAULT = new Architecture(10, 64, 32, 3, 256, 32, 2, 3);
    }

    /** One animation: the predicted frames and what led to them. */
    public record Animation(Tensor prediction, Keypoints source, Keypoints driving, DenseMotion.Motion motion) {
    }

    public MotionModel(Architecture a, Rng rng) {
        this.architecture = a;
        this.keypoints = child("keypoints", new KeypointDetector(a.keypoints(), a.expansion(), a.blocks(), a.maxChannels(), 2, rng));
        this.generator = child("generator", new Generator(3, a.generatorExpansion(), a.halvings(), a.residualBlocks(), a.maxChannels(), rng));
        this.denseMotion = child("dense_motion", new DenseMotion(a.keypoints(), 3, a.expansion(), a.blocks(), a.maxChannels(),
                generator.downscale(), rng));
    }

    /** The networks' sizes. */
    public Architecture architecture() {
        return architecture;
    }

    /** The keypoint detector, alone (the equivariance losses and the evaluation use it). */
    public KeypointDetector keypoints() {
        return keypoints;
    }

    /** Source frames [N, 3, H, W] redrawn with the motion of the driving frames, keypoints found in both. */
    public Animation animate(Tensor source, Tensor driving) {
        return animate(source, keypoints.detect(source), keypoints.detect(driving));
    }

    /** Source frames redrawn as the driving keypoints say (absolute, or made {@link #relative}). */
    public Animation animate(Tensor source, Keypoints sourceKeypoints, Keypoints drivingKeypoints) {
        DenseMotion.Motion motion = denseMotion.predict(source, sourceKeypoints, drivingKeypoints);
        return new Animation(generator.generate(source, motion), sourceKeypoints, drivingKeypoints, motion);
    }

    /**
     * Driving keypoints made relative, as the paper animates another face: each keypoint of the
     * source moved by how far the driving keypoint has moved since the clip's first frame, and
     * its Jacobian changed by the driving Jacobian's change (J_d · J_first⁻¹ · J_s). The source's
     * face keeps its own shape; only the motion carries over.
     */
    public static Keypoints relative(Keypoints source, Keypoints driving, Keypoints drivingFirst) {
        Tensor value = source.value().add(driving.value().sub(drivingFirst.value()));
        Tensor jacobian = driving.jacobian().matmul(FirstOrderMotion.inverse2x2(drivingFirst.jacobian())).matmul(source.jacobian());
        return new Keypoints(value, jacobian);
    }
}
