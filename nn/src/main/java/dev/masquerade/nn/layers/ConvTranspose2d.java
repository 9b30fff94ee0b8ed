package dev.masquerade.nn.layers;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;

/**
 * Transposed convolution [N, in, H, W] → [N, out, (H−1)·stride − 2·padding + kernel, ...] with
 * weight [in, out, k, k] and a bias. The fan-in is out·k·k, as PyTorch computes it from the
 * weight's second axis.
 */
public final class ConvTranspose2d extends ConvolutionLayer {

    public ConvTranspose2d(int in, int out, int kernel, int stride, int padding, Rng rng) {
        super(new int[] {in, out, kernel, kernel}, out, out * kernel * kernel, stride, padding, rng);
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.convTranspose2d(weight.value(), bias.value(), stride, padding, 0);
    }
}
