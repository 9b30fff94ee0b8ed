package dev.masquerade.motion;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import dev.masquerade.motion.model.Keypoints;
import dev.masquerade.motion.model.MotionModel;
import java.util.ArrayList;
import java.util.List;

/**
 * A still face animated by a driving clip, as the paper's demo does it: with relative motion.
 * The source's own keypoints are moved by how far the driving keypoints have moved since the
 * clip's first frame ({@link MotionModel#relative}), so that the source keeps its face's shape
 * and takes only the motion; absolute keypoints would also copy the driving face's shape.
 */
public final class Animator {
    private static final int BATCH = 8;

    private Animator() {
    }

    /** The source [1, 3, S, S] moved as each frame of driving [T, 3, S, S] moves from the first: [T, 3, S, S] in [0, 1], on the CPU. */
    public static Tensor animate(MotionModel model, Tensor source, Tensor driving) {
        try (var scope = NoGrad.enter(); var evaluating = model.evaluating()) {
            source = source.to(Device.defaultDevice());
            driving = driving.to(Device.defaultDevice());
            Keypoints still = model.keypoints().detect(source);
            Keypoints first = model.keypoints().detect(driving.narrow(0, 0, 1));
            List<Tensor> frames = new ArrayList<>();
            for (int start = 0; start < driving.size(0); start += BATCH) {
                int n = Math.min(BATCH, driving.size(0) - start);
                Keypoints moving = model.keypoints().detect(driving.narrow(0, start, n));
                Keypoints relative = MotionModel.relative(repeat(still, n), moving, repeat(first, n));
                frames.add(model.animate(source.expand(n, source.size(1), source.size(2), source.size(3)).contiguous(), repeat(still, n), relative)
                        .prediction());
            }
            return Tensor.concat(frames, 0).to(Device.CPU);
        }
    }

    private static Keypoints repeat(Keypoints one, int n) {
        return new Keypoints(one.value().expand(n, one.count(), 2).contiguous(), one.jacobian().expand(n, one.count(), 2, 2).contiguous());
    }
}
