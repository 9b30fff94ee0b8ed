package dev.masquerade.motion.model;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Shape;
import dev.masquerade.nn.Layer;
import dev.masquerade.nn.Sequential;
import dev.masquerade.nn.layers.Activation;
import dev.masquerade.nn.layers.AvgPool2d;
import dev.masquerade.nn.layers.BatchNorm;
import dev.masquerade.nn.layers.Conv2d;
import dev.masquerade.nn.layers.UpsampleNearest;
import java.util.ArrayList;
import java.util.List;

/**
 * The first-order motion model's hourglass, used by its keypoint detector and its dense motion
 * network: an encoder of {@code blocks} levels (3×3 convolution, batch norm, ReLU, 2×2 average
 * pooling), channels doubling from {@code expansion} up to {@code maxChannels}, and a decoder
 * that climbs back (nearest-neighbour doubling, 3×3 convolution, batch norm, ReLU), each level
 * joined by the encoder's map of its size. The output keeps the input's size and, beside the
 * decoder's {@code expansion} channels, the input itself: {@link #outChannels()} in all.
 */
public final class Hourglass extends Layer {
    private final List<Layer> down = new ArrayList<>();
    private final List<Layer> up = new ArrayList<>();
    private final int inChannels;
    private final int expansion;

    public Hourglass(int inChannels, int expansion, int blocks, int maxChannels, Rng rng) {
        this.inChannels = inChannels;
        this.expansion = expansion;
        for (int i = 0; i < blocks; i++) {
            int in = i == 0 ? inChannels : channels(i, maxChannels), out = channels(i + 1, maxChannels);
            down.add(child("down" + i, new Sequential(new Conv2d(in, out, 3, 1, 1, rng), new BatchNorm(out), Activation.relu(),
                    new AvgPool2d(2))));
        }
        for (int i = blocks - 1; i >= 0; i--) {
            int in = (i == blocks - 1 ? 1 : 2) * channels(i + 1, maxChannels), out = channels(i, maxChannels);
            up.add(child("up" + i, new Sequential(new UpsampleNearest(2), new Conv2d(in, out, 3, 1, 1, rng), new BatchNorm(out),
                    Activation.relu())));
        }
    }

    private int channels(int level, int maxChannels) {
        return Math.min(maxChannels, expansion << level);
    }

    /** Channels of the output: the decoder's and the input's. */
    public int outChannels() {
        return expansion + inChannels;
    }

    @Override
    public Tensor forward(Tensor x) {
        int multiple = 1 << down.size();
        if (x.rank() != 4 || x.size(1) != inChannels || x.size(2) % multiple != 0 || x.size(3) % multiple != 0) {
            throw new IllegalArgumentException("Hourglass: needs [N, " + inChannels + ", H, W] with H and W multiples of " + multiple + ", got "
                    + Shape.str(x.shape()));
        }
        List<Tensor> levels = new ArrayList<>(List.of(x));
        for (Layer layer : down) {
            levels.add(layer.forward(levels.get(levels.size() - 1)));
        }
        Tensor h = levels.remove(levels.size() - 1);
        for (Layer layer : up) {
            h = Tensor.concat(List.of(layer.forward(h), levels.remove(levels.size() - 1)), 1);
        }
        return h;
    }
}
