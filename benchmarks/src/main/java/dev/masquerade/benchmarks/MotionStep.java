package dev.masquerade.benchmarks;

import dev.masquerade.engine.Memory;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.motion.data.FramePairs;
import dev.masquerade.motion.data.TalkingFaces;
import dev.masquerade.motion.model.MotionModel;
import dev.masquerade.motion.training.MotionLoss;
import dev.masquerade.nn.optim.Adam;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One training step of {@code masquerade motion train --synthetic}: 8 pairs of 64×64 frames of
 * synthetic talking faces, the first-order motion model of 10 keypoints (MotionModel's default
 * architecture), the four-scale L1 and the equivariance losses under a random thin-plate spline
 * (a third keypoint pass), backward, Adam (lr 5e-4, betas 0.5, 0.999). Its PyTorch twin is
 * benchmarks/motion_torch.py.
 */
@State(Scope.Benchmark)
public class MotionStep extends EngineBenchmark {
    private MotionModel model;
    private Adam adam;
    private FramePairs.Batch batch;
    private Rng warps;

    @Setup
    public void setUp() {
        Rng rng = new Rng(0);
        model = new MotionModel(MotionModel.Architecture.DEFAULT, rng.split());
        adam = new Adam(model.parameters(), 5e-4, 0.5, 0.999);
        batch = new FramePairs(TalkingFaces.clips(8, 4, 64, rng.split()), rng.split()).next(8);
        warps = rng.split();
    }

    @Benchmark
    public double step() {
        try (Memory.Scope scope = Memory.scope()) { // as the trainer does: the step's memory goes back when it ends
            model.zeroGrad();
            Map<String, Tensor> losses = MotionLoss.DEFAULT.of(model, batch.source(), batch.driving(), warps);
            losses.get("loss").backward();
            adam.step();
            return losses.get("loss").item();
        }
    }
}
