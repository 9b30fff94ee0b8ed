package dev.masquerade.motion.model;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.Module;
import dev.masquerade.nn.layers.Conv2d;

/**
 * Finds K keypoints in a frame without being told what a keypoint is: an {@link Hourglass} on
 * the frame shrunk by {@code downscale}, then one heatmap per keypoint whose soft-argmax (its
 * softmax at temperature 0.1, as a distribution over the pixels, and that distribution's mean
 * position) is the keypoint, and four maps per keypoint whose means under the same
 * distribution are its Jacobian. The Jacobian maps start at zero with a bias of the identity,
 * so training starts from "each keypoint's neighbourhood only shifts". Only the losses say what
 * the keypoints should be: points that explain the motion between frames, and that move with
 * the picture when it is warped (the equivariance losses).
 */
public final class KeypointDetector extends Module {
    private static final double TEMPERATURE = 0.1;
    private final int keypoints;
    private final int downscale;
    private final Hourglass hourglass;
    private final Conv2d heatmaps;
    private final Conv2d jacobians;

    public KeypointDetector(int keypoints, int expansion, int blocks, int maxChannels, int downscale, Rng rng) {
        this.keypoints = keypoints;
        this.downscale = downscale;
        this.hourglass = child("hourglass", new Hourglass(3, expansion, blocks, maxChannels, rng));
        this.heatmaps = child("heatmaps", new Conv2d(hourglass.outChannels(), keypoints, 7, 1, 3, rng));
        this.jacobians = child("jacobians", new Conv2d(hourglass.outChannels(), 4 * keypoints, 7, 1, 3, rng));
        jacobians.weight().replace(jacobians.weight().value().mul(0));
        double[] identity = new double[4 * keypoints];
        for (int k = 0; k < keypoints; k++) {
            identity[4 * k] = 1;
            identity[4 * k + 3] = 1;
        }
        jacobians.bias().replace(Tensor.of(identity, jacobians.bias().value().dtype(), jacobians.bias().value().device(), 4 * keypoints));
    }

    /** The keypoints of frames [N, 3, H, W] in [0, 1]. */
    public Keypoints detect(Tensor frames) {
        Tensor features = hourglass.forward(downscale > 1 ? frames.avgPool2d(downscale) : frames);
        Tensor heat = heatmaps.forward(features).div(TEMPERATURE);
        int n = heat.size(0), h = heat.size(2), w = heat.size(3);
        Tensor where = heat.reshape(n, keypoints, 1, h * w).softmax(3);
        Tensor jacobian = jacobians.forward(features).reshape(n, keypoints, 4, h * w).mul(where).sum(new int[] {3}, false);
        return new Keypoints(heat.softArgmax(), jacobian.reshape(n, keypoints, 2, 2));
    }

    /** How many keypoints it finds. */
    public int count() {
        return keypoints;
    }
}
