package dev.masquerade.nn.layers;

import dev.masquerade.engine.Rng;
import dev.masquerade.nn.Choice;
import dev.masquerade.nn.Layer;
import dev.masquerade.nn.Sequential;

/**
 * How a decoder doubles height and width. A transposed convolution with a 4×4 kernel and
 * stride 2 (pix2pix's, DCGAN's) is four interleaved convolutions, one per output parity, each
 * with its own 2×2 sub-kernel of the 4×4 kernel; unless training makes them agree, even a flat
 * input comes out as a checkerboard. Resizing first (nearest neighbour) and then convolving
 * with a 3×3 kernel gives sub-kernels whose sums are equal, so a flat input stays flat (Odena
 * et al., 2016, "Deconvolution and checkerboard artifacts"). A pixel shuffle computes four
 * output channels per pixel and spreads them over a 2×2 block (Shi et al., 2016): four
 * independent sub-kernels again, a checkerboard's cousin. Tutorials: tutorials/26-checkerboards.md,
 * tutorials/27-fourier.md.
 */
public enum Upsampling {
    /** ConvTranspose2d(4×4, stride 2, padding 1). */
    TRANSPOSED,
    /** UpsampleNearest(2), then Conv2d(3×3, padding 1). */
    RESIZE,
    /** Conv2d(3×3, padding 1) to four times the channels, then PixelShuffle(2). */
    SHUFFLE;

    // snippet: layers
    /** A layer [N, in, H, W] → [N, out, 2H, 2W]. */
    public Layer layer(int in, int out, Rng rng) {
        return switch (this) {
            case TRANSPOSED -> new ConvTranspose2d(in, out, 4, 2, 1, rng);
            case RESIZE -> new Sequential(new UpsampleNearest(2), new Conv2d(in, out, 3, 1, 1, rng));
            case SHUFFLE -> new Sequential(new Conv2d(in, 4 * out, 3, 1, 1, rng), new PixelShuffle(2));
        };
    }
    // end snippet

    /** The name on the command line. */
    public String cliName() {
        return Choice.cliName(this);
    }

    /** The kind a command-line name gives: transposed, resize, shuffle. */
    public static Upsampling parse(String name) {
        return Choice.parse(Upsampling.class, name, "upsampling");
    }
}
