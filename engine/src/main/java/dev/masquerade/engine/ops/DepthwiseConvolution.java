package dev.masquerade.engine.ops;

import dev.masquerade.engine.Autograd;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Shape;
import dev.masquerade.engine.backend.Conv2dGeometry;
import java.util.Map;

/**
 * Depthwise convolution: every input channel is correlated with its own m filters and nothing
 * else (weight [C·m, 1, kH, kW]; output channel c·m + j is channel c's filter j). It is the
 * grouped convolution with groups = C, given its own backend primitives because one tiny
 * convolution per channel is too little work for conv2d's im2col and matrix product.
 *
 * <p>Like conv2d it is linear in x and in w, so its gradients are its adjoint maps:
 * dL/dx[n, c] = Σ over j of the full correlation of dL/dy[n, c·m + j] with the flipped filter
 * c·m + j, and dL/dw[c·m + j] = Σ over images of the correlation of x[n, c] with
 * dL/dy[n, c·m + j]. Tutorials: tutorials/04-convolution.md (conv2d's adjoints) and
 * tutorials/20-face-networks.md (the grouped case, checked numerically).
 */
public final class DepthwiseConvolution {
    private DepthwiseConvolution() {
    }

    /** x [N, C, H, W] with weight [C·m, 1, kH, kW] (+ bias [C·m]) → [N, C·m, Ho, Wo]. */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, Conv2dGeometry g) {
        Convolution.check("conv2d", x, weight);
        int channels = x.size(1);
        if (weight.size(1) != 1 || weight.size(0) % channels != 0) {
            throw new IllegalArgumentException("conv2d: a depthwise weight is [C·m, 1, kH, kW] for the input's " + channels
                    + " channels, got " + Shape.str(weight.shape()));
        }
        Tensor out = Tensor.empty(x.dtype(), x.device(), Convolution.outputShape(x, weight, g));
        x.backend().depthwiseConv2d(x.array(), weight.array(), out.array(), g);
        Tensor y = Autograd.record("depthwiseConv2d", Map.of("geometry", g), out, grad -> new Tensor[] {
                Autograd.ifNeeded(x, () -> {
                    Tensor gx = Tensor.empty(grad.dtype(), grad.device(), x.shape());
                    grad.backend().depthwiseConv2dBackwardInput(grad.array(), weight.array(), gx.array(), g);
                    return gx;
                }),
                Autograd.ifNeeded(weight, () -> {
                    Tensor gw = Tensor.empty(grad.dtype(), grad.device(), weight.shape());
                    grad.backend().depthwiseConv2dBackwardWeight(x.array(), grad.array(), gw.array(), g);
                    return gw;
                })}, x, weight);
        return Convolution.addBias("conv2d", y, bias);
    }
}
