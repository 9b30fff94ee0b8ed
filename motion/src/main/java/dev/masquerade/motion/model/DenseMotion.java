package dev.masquerade.motion.model;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.Module;
import dev.masquerade.nn.layers.Conv2d;
import java.util.List;

/**
 * Combines the keypoints' local motions into one motion of the whole frame. Each keypoint
 * (and the background, which does not move) proposes where every pixel comes from
 * ({@link FirstOrderMotion#sparseMotions}); an {@link Hourglass} looks at the source warped by
 * each proposal, beside the difference of Gaussian bumps at the driving and source keypoints,
 * and answers with a softmax over the K + 1 proposals at each pixel (which one explains that
 * pixel) and an occlusion map (how much of the pixel the source can supply at all: a mouth
 * that opens shows teeth the closed mouth hid). Works on the frame shrunk by {@code downscale}.
 */
public final class DenseMotion extends Module {
    /** The Gaussian bumps' variance, in [−1, 1] units² (the paper's 0.01). */
    static final double VARIANCE = 0.01;
    private final int keypoints;
    private final int downscale;
    private final Hourglass hourglass;
    private final Conv2d masks;
    private final Conv2d occlusion;

    /** The motion of a batch of frames: where each pixel comes from, how visible it is, and which keypoint moved it. */
    public record Motion(Tensor deformation, Tensor occlusion, Tensor masks) {
        /** The deformation enlarged (bilinearly) to h × w: [N, h, w, 2]; its values are points, which need no rescaling. */
        public Tensor deformationAt(int h, int w) {
            return deformation.permute(0, 3, 1, 2).resizeBilinear(h, w).permute(0, 2, 3, 1);
        }

        /** The occlusion map enlarged to h × w: [N, 1, h, w]. */
        public Tensor occlusionAt(int h, int w) {
            return occlusion.resizeBilinear(h, w);
        }
    }

    public DenseMotion(int keypoints, int channels, int expansion, int blocks, int maxChannels, int downscale, Rng rng) {
        this.keypoints = keypoints;
        this.downscale = downscale;
        this.hourglass = child("hourglass", new Hourglass((keypoints + 1) * (channels + 1), expansion, blocks, maxChannels, rng));
        this.masks = child("masks", new Conv2d(hourglass.outChannels(), keypoints + 1, 7, 1, 3, rng));
        this.occlusion = child("occlusion", new Conv2d(hourglass.outChannels(), 1, 7, 1, 3, rng));
        // a bias of 3 (σ(3) = 0.95): at first the moved source is trusted almost everywhere, and the map learns where it cannot be
        occlusion.bias().replace(occlusion.bias().value().mul(0).add(3));
    }

    /**
     * The motion that turns {@code source} [N, C, H, W] into the driving frame: deformation
     * [N, h, w, 2] (sampling points into the source), occlusion [N, 1, h, w] in (0, 1) and the
     * masks [N, K + 1, h, w], at the shrunk size h × w.
     */
    public Motion predict(Tensor source, Keypoints sourceKeypoints, Keypoints drivingKeypoints) {
        Tensor small = downscale > 1 ? source.avgPool2d(downscale) : source;
        int n = small.size(0), c = small.size(1), h = small.size(2), w = small.size(3), k = keypoints + 1;
        Tensor bumps = FirstOrderMotion.heatmaps(drivingKeypoints.value(), h, w, VARIANCE)
                .sub(FirstOrderMotion.heatmaps(sourceKeypoints.value(), h, w, VARIANCE));
        Tensor heat = Tensor.concat(List.of(Tensor.zeros(bumps.dtype(), bumps.device(), n, 1, h, w), bumps), 1); // the background: none
        Tensor proposals = FirstOrderMotion.sparseMotions(sourceKeypoints, drivingKeypoints, h, w);
        Tensor warped = small.unsqueeze(1).expand(n, k, c, h, w).reshape(n * k, c, h, w).gridSample(proposals.reshape(n * k, h, w, 2))
                .reshape(n, k, c, h, w);
        Tensor features = hourglass.forward(Tensor.concat(List.of(heat.unsqueeze(2), warped), 2).reshape(n, k * (c + 1), h, w));
        Tensor choice = masks.forward(features).softmax(1);
        Tensor deformation = proposals.mul(choice.unsqueeze(4)).sum(new int[] {1}, false);
        return new Motion(deformation, occlusion.forward(features).sigmoid(), choice);
    }
}
