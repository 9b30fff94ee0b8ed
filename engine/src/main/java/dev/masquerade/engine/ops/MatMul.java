package dev.masquerade.engine.ops;

import dev.masquerade.engine.Autograd;
import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Shape;
import java.util.Arrays;

/**
 * Matrix product C = A·B of [..., M, K] by [..., K, N]; the leading (batch) axes broadcast.
 * Derivatives: dL/dA = dL/dC · Bᵀ and dL/dB = Aᵀ · dL/dC, each summed over the batch axes
 * along which its input was broadcast. Tutorial: tutorials/03-matmul.md.
 */
public final class MatMul {
    private MatMul() {
    }

    public static Tensor matmul(Tensor a, Tensor b) {
        Arithmetic.sameBackend("matmul", a, b);
        Arithmetic.requireFloatingPoint("matmul", a);
        if (a.rank() < 2 || b.rank() < 2) {
            throw new IllegalArgumentException("matmul: needs operands of rank 2 or more, got " + Shape.str(a.shape()) + " and "
                    + Shape.str(b.shape()) + "; turn a vector into a matrix with unsqueeze()");
        }
        int m = a.size(-2), k = a.size(-1), kb = b.size(-2), n = b.size(-1);
        if (k != kb) {
            throw new IllegalArgumentException("matmul: cannot multiply " + Shape.str(a.shape()) + " by " + Shape.str(b.shape())
                    + ": inner dimensions " + k + " and " + kb + " differ");
        }
        int[] batch = Shape.broadcast("matmul", Arrays.copyOf(a.shape(), a.rank() - 2), Arrays.copyOf(b.shape(), b.rank() - 2));
        int batches = Shape.numel(batch);
        int[] outShape = Arrays.copyOf(batch, batch.length + 2);
        outShape[batch.length] = m;
        outShape[batch.length + 1] = n;
        Tensor out = Tensor.empty(a.dtype(), a.device(), batches, m, n);
        try (var scope = NoGrad.enter()) {
            a.backend().matmul(asBatch(a, batch, batches).array(), false, asBatch(b, batch, batches).array(), false, out.array());
        }
        Tensor result = out.reshape(outShape);
        return Autograd.record("matmul", result, g -> {
            // BEGIN SOLUTION task-2.5: matmul's backward, the gradients of A and of B, each summed to its input's shape (see tutorials/03-matmul.md)
            return new Tensor[] {
                    Autograd.ifNeeded(a, () -> Arithmetic.sumToShape(g.matmul(b.transpose(-1, -2)), a.shape())),
                    Autograd.ifNeeded(b, () -> Arithmetic.sumToShape(productLaidOutLike(b, a.transpose(-1, -2), g), b.shape()))};
            // END SOLUTION
        }, a, b);
    }

    /**
     * x·y, computed as (yᵀ·xᵀ)ᵀ when {@code like} is a transposed view: then the product comes
     * out laid out as {@code like} is. A Linear layer multiplies by Wᵀ, a view of its weight
     * W; computed plainly, Wᵀ's gradient Aᵀ·G would reach W as a transposed view and cost a
     * transposing copy of the whole weight (4 M floats for faceswap_small's code layers) each
     * time. The GEMM adds up the same products in the same order either way, so the numbers
     * are the same to the last bit.
     */
    static Tensor productLaidOutLike(Tensor like, Tensor x, Tensor y) {
        int[] strides = like.array().strides();
        int rank = strides.length;
        boolean transposed = like.size(-2) > 1 && like.size(-1) > 1 && strides[rank - 2] == 1 && strides[rank - 1] == like.size(-2);
        return transposed ? y.transpose(-1, -2).matmul(x.transpose(-1, -2)).transpose(-1, -2) : x.matmul(y);
    }

    /** t broadcast to batch + its own last two axes, viewed as [batches, rows, cols]. */
    private static Tensor asBatch(Tensor t, int[] batch, int batches) {
        int[] full = Arrays.copyOf(batch, batch.length + 2);
        full[batch.length] = t.size(-2);
        full[batch.length + 1] = t.size(-1);
        Tensor expanded = Arithmetic.broadcastView(t, full);
        if (batch.length == 1) {
            return expanded;
        }
        if (batch.length == 0) {
            return expanded.unsqueeze(0);
        }
        return expanded.reshape(batches, t.size(-2), t.size(-1));
    }
}
