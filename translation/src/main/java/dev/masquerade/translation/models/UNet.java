package dev.masquerade.translation.models;

import dev.masquerade.nn.layers.Upsampling;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Shape;
import dev.masquerade.nn.Layer;
import dev.masquerade.nn.Sequential;
import dev.masquerade.nn.layers.Activation;
import dev.masquerade.nn.layers.Conv2d;
import dev.masquerade.nn.layers.Dropout;
import java.util.ArrayList;
import java.util.List;

/**
 * pix2pix's generator: an encoder that halves the picture {@code depth} times and a decoder
 * that doubles it back, where each decoder level also receives, concatenated to its input, the
 * encoder's feature map of the same size (the skip connections). Low-level detail (the edges'
 * positions, the scene's layout) then goes straight across instead of squeezing through the
 * bottleneck. The layers are pix2pix's: encoder Conv4×4/2 with LeakyReLU(0.2) and
 * normalisation (none on the outermost and innermost), decoder ReLU, an upsampling that
 * doubles, normalisation and, on the three levels just above the bottleneck, dropout 0.5 (the
 * generator's only noise); tanh at the output. pix2pix's 256-pixel U-Net (depth 8) has its
 * dropout on those same three levels; its rule (the levels at 8·width) would leave our
 * shallower U-Nets (depth 5 and 6) with none or one, so we keep three wherever they fit. Channels double per level from {@code width}
 * up to 8·width. A residual U-Net adds its output to its input (super-resolution's). Tutorial:
 * tutorials/24-conditional-gans.md.
 */
public final class UNet extends Layer {
    private final List<Layer> down = new ArrayList<>();
    private final List<Layer> up = new ArrayList<>();
    private final int inChannels;
    private final int depth;
    private final boolean residual;

    /**
     * @param depth how many times the encoder halves the picture (its sides must divide by 2^depth)
     * @param dropout the decoder's dropout probability (pix2pix: 0.5; 0 for none)
     * @param residual whether the output is the input plus what the network draws (the input and
     *                 output channels must then agree): the network learns a correction, not a copy
     */
    public UNet(int inChannels, int outChannels, int depth, int width, Norm norm, Upsampling upsampling, double dropout, boolean residual,
                Rng rng) {
        if (depth < 2 || width < 1 || inChannels < 1 || outChannels < 1 || (residual && inChannels != outChannels)) {
            throw new IllegalArgumentException("UNet: needs depth >= 2, positive channels and, to be residual, as many out as in, got depth "
                    + depth + ", width " + width + ", " + inChannels + " in, " + outChannels + " out");
        }
        this.inChannels = inChannels;
        this.depth = depth;
        this.residual = residual;
        for (int level = 0; level < depth; level++) {
            int in = level == 0 ? inChannels : channels(level - 1, width);
            int out = channels(level, width);
            Conv2d conv = new Conv2d(in, out, 4, 2, 1, rng);
            boolean outermost = level == 0, innermost = level == depth - 1;
            down.add(child("down" + level, outermost ? conv
                    : innermost ? new Sequential(Activation.leakyRelu(0.2), conv)
                    : new Sequential(Activation.leakyRelu(0.2), conv, norm.layer(out))));
        }
        for (int level = depth - 1; level >= 0; level--) {
            // the innermost level takes the bottleneck alone; the others their input and the skip, side by side
            int in = level == depth - 1 ? channels(level, width) : 2 * channels(level, width);
            Layer upsample = upsampling.layer(in, level == 0 ? outChannels : channels(level - 1, width), rng);
            List<Layer> block = new ArrayList<>(List.of(Activation.relu(), upsample));
            if (level == 0) {
                block.add(Activation.tanh());
            } else {
                block.add(norm.layer(channels(level - 1, width)));
                if (dropout > 0 && level < depth - 1 && level >= depth - 4) {
                    block.add(new Dropout(dropout, rng.split()));
                }
            }
            up.add(0, child("up" + level, new Sequential(block.toArray(Layer[]::new))));
        }
    }

    private static int channels(int level, int width) {
        return width * Math.min(1 << level, 8);
    }

    /** The smallest side a picture may have, and the number its sides must divide by: 2^depth. */
    public int multiple() {
        return 1 << depth;
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.rank() != 4 || x.size(1) != inChannels || x.size(2) % multiple() != 0 || x.size(3) % multiple() != 0) {
            throw new IllegalArgumentException("UNet: needs pictures [N, " + inChannels + ", H, W] with H and W multiples of " + multiple()
                    + " (it halves them " + depth + " times), got " + Shape.str(x.shape()));
        }
        List<Tensor> skips = new ArrayList<>();
        Tensor h = x;
        for (Layer layer : down) {
            h = layer.forward(h);
            skips.add(h);
        }
        h = up.get(depth - 1).forward(h);
        for (int level = depth - 2; level >= 0; level--) {
            h = up.get(level).forward(Tensor.concat(List.of(skips.get(level), h), 1));
        }
        return residual ? x.add(h) : h;
    }
}
