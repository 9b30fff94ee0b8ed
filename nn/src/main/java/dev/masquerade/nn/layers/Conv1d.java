package dev.masquerade.nn.layers;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Shape;
import dev.masquerade.engine.backend.Conv2dGeometry;
import dev.masquerade.engine.ops.Convolution;

/**
 * A 1-d convolution over time, [N, in, T] → [N, out, T'], as PyTorch's Conv1d (weight
 * [out, in, k]). It is a 2-d convolution of a picture one row high: the sequence viewed as
 * [N, in, 1, T], the kernel as [out, in, 1, k], stride and padding along the row only. So it
 * needs no operation of its own, and its gradients and OpenCL kernels are conv2d's.
 */
public final class Conv1d extends ConvolutionLayer {
    private final int kernel;

    public Conv1d(int in, int out, int kernel, int stride, int padding, Rng rng) {
        super(new int[] {out, in, kernel}, out, in * kernel, stride, padding, rng);
        this.kernel = kernel;
    }

    @Override
    public Tensor forward(Tensor x) {
        int channels = weight.value().size(1);
        if (x.rank() != 3 || x.size(1) != channels) {
            throw new IllegalArgumentException("Conv1d(" + channels + " -> " + weight.value().size(0) + "): needs [N, " + channels + ", T], got "
                    + Shape.str(x.shape()));
        }
        Tensor row = x.reshape(x.size(0), channels, 1, x.size(2));
        Tensor kernels = weight.value().reshape(weight.value().size(0), channels, 1, kernel);
        Tensor y = Convolution.conv2d(row, kernels, bias.value(), new Conv2dGeometry(1, stride, 0, padding, 1, 1));
        return y.reshape(y.size(0), y.size(1), y.size(3));
    }
}
