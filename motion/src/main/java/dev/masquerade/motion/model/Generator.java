package dev.masquerade.motion.model;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Shape;
import dev.masquerade.nn.Layer;
import dev.masquerade.nn.Module;
import dev.masquerade.nn.Sequential;
import dev.masquerade.nn.layers.Activation;
import dev.masquerade.nn.layers.AvgPool2d;
import dev.masquerade.nn.layers.BatchNorm;
import dev.masquerade.nn.layers.Conv2d;
import dev.masquerade.nn.layers.Residual;
import dev.masquerade.nn.layers.UpsampleNearest;
import java.util.ArrayList;
import java.util.List;

/**
 * The occlusion-aware generator: encodes the source frame into features at 1/{@link #downscale()}
 * of its size (a 7×7 convolution, then halvings: 3×3 convolution, batch norm, ReLU, average
 * pooling), moves the features by the dense motion with gridSample and decodes them (residual
 * blocks, doublings, a 7×7 convolution over the decoded features beside the source moved at full
 * size, a sigmoid) into a painted frame. The prediction blends the two by the occlusion map o:
 * o · (the source moved) + (1 − o) · (the painted frame). Where the source can supply a pixel the
 * motion brings it, sharp; where it cannot (the inside of an opening mouth, an eye that blinks)
 * the generator paints it. (The paper dims the moved features by o and decodes the whole frame;
 * blending pixels is how its successors use the map, and it trains in a CPU's budget of steps.)
 */
public final class Generator extends Module {
    private final Layer encoder;
    private final Layer decoder;
    private final Layer output;
    private final int downscale;

    public Generator(int channels, int expansion, int halvings, int residualBlocks, int maxChannels, Rng rng) {
        this.downscale = 1 << halvings;
        List<Layer> encode = new ArrayList<>(List.of(new Conv2d(channels, expansion, 7, 1, 3, rng), new BatchNorm(expansion), Activation.relu()));
        for (int i = 0; i < halvings; i++) {
            int in = width(i, expansion, maxChannels), out = width(i + 1, expansion, maxChannels);
            encode.add(new Sequential(new Conv2d(in, out, 3, 1, 1, rng), new BatchNorm(out), Activation.relu(), new AvgPool2d(2)));
        }
        List<Layer> decode = new ArrayList<>();
        for (int i = 0; i < residualBlocks; i++) {
            decode.add(new Residual(width(halvings, expansion, maxChannels), rng));
        }
        for (int i = halvings; i > 0; i--) {
            int in = width(i, expansion, maxChannels), out = width(i - 1, expansion, maxChannels);
            decode.add(new Sequential(new UpsampleNearest(2), new Conv2d(in, out, 3, 1, 1, rng), new BatchNorm(out), Activation.relu()));
        }
        this.encoder = child("encoder", new Sequential(encode.toArray(Layer[]::new)));
        this.decoder = child("decoder", new Sequential(decode.toArray(Layer[]::new)));
        this.output = child("output", new Sequential(new Conv2d(expansion + channels, channels, 7, 1, 3, rng), Activation.sigmoid()));
    }

    private static int width(int level, int expansion, int maxChannels) {
        return Math.min(maxChannels, expansion << level);
    }

    /** How much smaller than the frame the features are, and so the motion must be. */
    public int downscale() {
        return downscale;
    }

    /** The source frames [N, C, H, W] moved by {@code motion} (null: painted from the source unmoved), in [0, 1]. */
    public Tensor generate(Tensor source, DenseMotion.Motion motion) {
        Tensor features = encoder.forward(source);
        if (motion == null) {
            return output.forward(Tensor.concat(List.of(decoder.forward(features), source), 1));
        }
        if (motion.deformation().size(1) != features.size(2) || motion.deformation().size(2) != features.size(3)) {
            throw new IllegalArgumentException("Generator: the motion " + Shape.str(motion.deformation().shape()) + " must match the features "
                    + Shape.str(features.shape()) + " (1/" + downscale + " of the frame)");
        }
        int h = source.size(2), w = source.size(3);
        Tensor moved = source.gridSample(motion.deformationAt(h, w));
        Tensor painted = output.forward(Tensor.concat(List.of(decoder.forward(features.gridSample(motion.deformation())), moved), 1));
        Tensor visible = motion.occlusionAt(h, w);
        return moved.mul(visible).add(painted.mul(visible.rsub(1)));
    }
}
