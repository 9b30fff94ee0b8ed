package dev.masquerade.engine.ops;

import dev.masquerade.engine.Autograd;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.Trace;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Shape;
import dev.masquerade.engine.backend.Pool2dGeometry;
import java.util.Map;

/**
 * Pooling over square windows of [N, C, H, W]. Tutorial: tutorials/04-convolution.md.
 */
public final class Pooling {
    private Pooling() {
    }

    /**
     * The largest value of each window. d max / dxᵢ is 1 for the element that won its window
     * and 0 for the rest, so the backward pass routes each gradient to the position the
     * forward pass recorded.
     */
    public static Tensor maxPool2d(Tensor x, Pool2dGeometry g) {
        int[] outShape = outputShape("maxPool2d", x, g);
        Tensor out = Tensor.empty(x.dtype(), x.device(), outShape);
        Tensor winners = Tensor.empty(DType.I32, x.device(), outShape);
        x.backend().maxPool2d(x.array(), out.array(), winners.array(), g);
        return Autograd.record("maxPool2d", Map.of("geometry", g), out, grad -> {
            Tensor gradInput = Tensor.empty(x.dtype(), x.device(), x.shape());
            x.backend().maxPool2dBackward(grad.array(), winners.array(), gradInput.array());
            return new Tensor[] {gradInput};
        }, x);
    }

    /**
     * The mean of each window (zero padding counts). Average pooling is a convolution of each
     * channel with a constant kernel 1/k², so it is built from conv2d and inherits its gradient.
     */
    public static Tensor avgPool2d(Tensor x, Pool2dGeometry g) {
        int[] outShape = outputShape("avgPool2d", x, g);
        int k = g.kernel();
        Tensor kernel = Tensor.full(1.0 / (k * k), x.dtype(), x.device(), 1, 1, k, k);
        Tensor out = x.reshape(x.size(0) * x.size(1), 1, x.size(2), x.size(3))
                .conv2d(kernel, null, g.stride(), g.padding(), 1)
                .reshape(outShape);
        return Trace.record("avgPool2d", Map.of("geometry", g), out, x); // one operator in an exported graph
    }

    private static int[] outputShape(String op, Tensor x, Pool2dGeometry g) {
        Arithmetic.requireFloatingPoint(op, x);
        if (x.rank() != 4) {
            throw new IllegalArgumentException(op + ": needs input [N, C, H, W], got " + Shape.str(x.shape()));
        }
        int outH = g.outputSize(x.size(2));
        int outW = g.outputSize(x.size(3));
        if (outH < 1 || outW < 1) {
            throw new IllegalArgumentException(op + ": window " + g.kernel() + " does not fit input " + Shape.str(x.shape()));
        }
        return new int[] {x.size(0), x.size(1), outH, outW};
    }
}
