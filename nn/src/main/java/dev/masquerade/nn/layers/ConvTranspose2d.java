package dev.masquerade.nn.layers;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;

/**
 * Transposed convolution [N, in, H, W] → [N, out, (H−1)·stride − 2·padding + kernel + outputPadding, ...]
 * with weight [in, out, k, k] and a bias. The fan-in is out·k·k, as PyTorch computes it from
 * the weight's second axis. The output padding picks among the output sizes that a stride-2
 * convolution maps to the same input size (13 and 14 both become 7).
 */
public final class ConvTranspose2d extends ConvolutionLayer {
    private final int outputPadding;

    public ConvTranspose2d(int in, int out, int kernel, int stride, int padding, int outputPadding, Rng rng) {
        super(new int[] {in, out, kernel, kernel}, out, out * kernel * kernel, stride, padding, rng);
        this.outputPadding = outputPadding;
    }

    public ConvTranspose2d(int in, int out, int kernel, int stride, int padding, Rng rng) {
        this(in, out, kernel, stride, padding, 0, rng);
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.convTranspose2d(weight.value(), bias.value(), stride, padding, outputPadding);
    }
}
