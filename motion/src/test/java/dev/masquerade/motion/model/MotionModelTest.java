package dev.masquerade.motion.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.motion.data.TalkingFaces;
import dev.masquerade.motion.training.MotionLoss;
import dev.masquerade.nn.Parameter;
import dev.masquerade.nn.optim.Adam;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three networks together: shapes, gradients to every parameter, and a loss that falls on a few clips. */
class MotionModelTest {
    /** A model small enough for tests: 4 keypoints on 32×32 frames. */
    static final MotionModel.Architecture SMALL = new MotionModel.Architecture(4, 32, 8, 2, 32, 8, 2, 1);

    @Test
    void animatingGivesFramesKeypointsAndAMotion() {
        MotionModel model = new MotionModel(SMALL, new Rng(1));
        Tensor frames = TalkingFaces.clip(dev.masquerade.autoencoder.faces.SyntheticFaces.PERSON_B, 4, 32, new Rng(2)).frames();
        MotionModel.Animation a = model.animate(frames.narrow(0, 0, 2), frames.narrow(0, 2, 2));
        assertArrayEquals(new int[] {2, 3, 32, 32}, a.prediction().shape());
        assertArrayEquals(new int[] {2, 4, 2}, a.driving().value().shape());
        assertArrayEquals(new int[] {2, 4, 2, 2}, a.driving().jacobian().shape());
        assertArrayEquals(new int[] {2, 8, 8, 2}, a.motion().deformation().shape(), "the motion at the generator's feature size");
        assertArrayEquals(new int[] {2, 1, 8, 8}, a.motion().occlusion().shape());
        float[] jacobian = a.driving().jacobian().toFloatArray();
        assertArrayEquals(new float[] {1, 0, 0, 1}, java.util.Arrays.copyOf(jacobian, 4), 1e-6f, "untrained Jacobians are the identity");
    }

    @Test
    void trainingOnAFewClipsLowersTheLossAndReachesEveryParameter() {
        Rng rng = new Rng(3);
        MotionModel model = new MotionModel(SMALL, rng.split());
        List<TalkingFaces.Clip> clips = TalkingFaces.clips(2, 6, 32, rng.split());
        Tensor source = Tensor.concat(List.of(clips.get(0).frames().narrow(0, 0, 2), clips.get(1).frames().narrow(0, 0, 2)), 0);
        Tensor driving = Tensor.concat(List.of(clips.get(0).frames().narrow(0, 4, 2), clips.get(1).frames().narrow(0, 4, 2)), 0);
        Adam adam = new Adam(model.parameters(), 2e-3, 0.5, 0.999);
        double first = 0, last = 0;
        for (int step = 0; step < 30; step++) {
            model.zeroGrad();
            Map<String, Tensor> losses = MotionLoss.DEFAULT.of(model, source, driving, rng);
            losses.get("loss").backward();
            if (step == 0) {
                first = losses.get("reconstruction").item();
                for (Parameter p : model.parameters()) {
                    assertTrue(p.grad() != null, "every parameter gets a gradient");
                }
            }
            adam.step();
            last = losses.get("reconstruction").item();
        }
        assertTrue(last < 0.7 * first, "the reconstruction loss falls: " + first + " → " + last);
    }
}
