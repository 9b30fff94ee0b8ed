package dev.masquerade.engine.ops;

import dev.masquerade.engine.Autograd;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Shape;
import dev.masquerade.engine.backend.Conv2dGeometry;
import java.util.Map;

/**
 * 2-d convolution (as in every deep-learning library, a cross-correlation) and its transpose.
 *
 * <p>conv2d is linear in its input and in its weight, so each gradient is the adjoint map:
 * dL/dx = conv2dBackwardInput(dL/dy, w) ("full" correlation with the flipped kernel) and
 * dL/dw = conv2dBackwardWeight(x, dL/dy) (correlation of the input with the output gradient).
 * The transposed convolution is conv2d's input-gradient map used forwards, so its three
 * passes are the same three primitives in another order. The bias is added by broadcasting,
 * whose backward sums over batch and pixels. Tutorial: tutorials/04-convolution.md.
 */
public final class Convolution {
    private Convolution() {
    }

    /** x [N, C, H, W] ⋆ weight [F, C, kH, kW] (+ bias [F]) → [N, F, Ho, Wo]. */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, Conv2dGeometry g) {
        check("conv2d", x, weight);
        if (x.size(1) != weight.size(1)) {
            throw new IllegalArgumentException("conv2d: input " + Shape.str(x.shape()) + " has " + x.size(1)
                    + " channels but weight " + Shape.str(weight.shape()) + " expects " + weight.size(1));
        }
        Tensor out = Tensor.empty(x.dtype(), x.device(), outputShape(x, weight, g));
        x.backend().conv2d(x.array(), weight.array(), out.array(), g);
        Tensor y = Autograd.record("conv2d", Map.of("geometry", g), out, grad -> gradients(grad, x, weight, g), x, weight);
        return addBias("conv2d", y, bias);
    }

    /** conv2d's backward: dL/dx and dL/dw from dL/dy. */
    private static Tensor[] gradients(Tensor grad, Tensor x, Tensor weight, Conv2dGeometry g) {
        // BEGIN SOLUTION task-4.2: conv2d's backward, its adjoint maps: the gradient of x by backwardInput, of the weight by backwardWeight, each only if needed (Autograd.ifNeeded) (see tutorials/04-convolution.md)
        return new Tensor[] {
                Autograd.ifNeeded(x, () -> backwardInput(grad, weight, x.shape(), g)),
                Autograd.ifNeeded(weight, () -> backwardWeight(x, grad, weight.shape(), g))};
        // END SOLUTION
    }

    /**
     * x [N, Cin, H, W] with weight [Cin, Cout, kH, kW] (+ bias [Cout]) → [N, Cout, Ho, Wo], where
     * Ho = (H − 1)·stride − 2·padding + dilation·(kH − 1) + outputPadding + 1.
     */
    public static Tensor convTranspose2d(Tensor x, Tensor weight, Tensor bias, Conv2dGeometry g, int outputPadding) {
        check("convTranspose2d", x, weight);
        if (x.size(1) != weight.size(0)) {
            throw new IllegalArgumentException("convTranspose2d: input " + Shape.str(x.shape()) + " has " + x.size(1)
                    + " channels but weight " + Shape.str(weight.shape()) + " expects " + weight.size(0));
        }
        if (outputPadding < 0 || (outputPadding >= g.strideH() && outputPadding >= g.dilationH())) {
            throw new IllegalArgumentException("convTranspose2d: outputPadding " + outputPadding + " must be >= 0 and below the stride or the dilation");
        }
        int outH = (x.size(2) - 1) * g.strideH() - 2 * g.padH() + g.dilationH() * (weight.size(2) - 1) + outputPadding + 1;
        int outW = (x.size(3) - 1) * g.strideW() - 2 * g.padW() + g.dilationW() * (weight.size(3) - 1) + outputPadding + 1;
        if (outH < 1 || outW < 1) {
            throw new IllegalArgumentException("convTranspose2d: padding " + g.padH() + " leaves no output for input " + Shape.str(x.shape()));
        }
        Tensor out = backwardInput(x, weight, new int[] {x.size(0), weight.size(1), outH, outW}, g);
        Tensor y = Autograd.record("convTranspose2d", Map.of("geometry", g, "outputPadding", outputPadding), out, grad -> new Tensor[] {
                Autograd.ifNeeded(x, () -> forward(grad, weight, g)),
                Autograd.ifNeeded(weight, () -> backwardWeight(grad, x, weight.shape(), g))}, x, weight);
        return addBias("convTranspose2d", y, bias);
    }

    private static Tensor forward(Tensor x, Tensor weight, Conv2dGeometry g) {
        Tensor out = Tensor.empty(x.dtype(), x.device(), outputShape(x, weight, g));
        x.backend().conv2d(x.array(), weight.array(), out.array(), g);
        return out;
    }

    private static Tensor backwardInput(Tensor gradOutput, Tensor weight, int[] inputShape, Conv2dGeometry g) {
        Tensor gradInput = Tensor.empty(gradOutput.dtype(), gradOutput.device(), inputShape);
        gradOutput.backend().conv2dBackwardInput(gradOutput.array(), weight.array(), gradInput.array(), g);
        return gradInput;
    }

    private static Tensor backwardWeight(Tensor x, Tensor gradOutput, int[] weightShape, Conv2dGeometry g) {
        Tensor gradWeight = Tensor.empty(x.dtype(), x.device(), weightShape);
        x.backend().conv2dBackwardWeight(x.array(), gradOutput.array(), gradWeight.array(), g);
        return gradWeight;
    }

    /** [N, F, Ho, Wo] of a convolution of x with weight, or an error when the kernel does not fit. */
    static int[] outputShape(Tensor x, Tensor weight, Conv2dGeometry g) {
        int outH = g.outputHeight(x.size(2), weight.size(2));
        int outW = g.outputWidth(x.size(3), weight.size(3));
        if (outH < 1 || outW < 1) {
            throw new IllegalArgumentException("conv2d: kernel " + weight.size(2) + "x" + weight.size(3) + " with " + g
                    + " does not fit input " + Shape.str(x.shape()));
        }
        return new int[] {x.size(0), weight.size(0), outH, outW};
    }

    static void check(String op, Tensor x, Tensor weight) {
        Arithmetic.sameBackend(op, x, weight);
        Arithmetic.requireFloatingPoint(op, x);
        if (x.rank() != 4 || weight.rank() != 4) {
            throw new IllegalArgumentException(op + ": needs input [N, C, H, W] and a rank-4 weight, got " + Shape.str(x.shape())
                    + " and " + Shape.str(weight.shape()));
        }
    }

    static Tensor addBias(String op, Tensor y, Tensor bias) {
        if (bias == null) {
            return y;
        }
        if (bias.rank() != 1 || bias.size(0) != y.size(1)) {
            throw new IllegalArgumentException(op + ": bias " + Shape.str(bias.shape()) + " must have shape [" + y.size(1) + "]");
        }
        return y.add(bias.reshape(1, y.size(1), 1, 1));
    }
}
