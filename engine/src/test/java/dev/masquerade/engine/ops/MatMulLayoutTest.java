package dev.masquerade.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import org.junit.jupiter.api.Test;

/** The gradient of a transposed right operand comes out laid out like that operand, with the same numbers. */
class MatMulLayoutTest {

    @Test
    void aLinearLayersWeightGetsAContiguousGradientEqualToAtG() {
        Rng rng = new Rng(3);
        Tensor x = Tensor.randn(rng, DType.F32, Device.CPU, 16, 40);
        Tensor weight = Tensor.randn(rng, DType.F32, Device.CPU, 24, 40).requiresGrad(true); // [out, in], as Linear holds it
        Tensor g = Tensor.randn(rng, DType.F32, Device.CPU, 16, 24);
        Tensor gradientOfTransposed = MatMul.productLaidOutLike(weight.transpose(0, 1), x.transpose(0, 1), g);
        assertTrue(gradientOfTransposed.transpose(0, 1).isContiguous(), "laid out like Wᵀ: transposed back, it is W's layout, no copy needed");
        x.matmul(weight.transpose(0, 1)).mul(g).sum().backward();
        Tensor byTheFormula = x.transpose(0, 1).matmul(g).transpose(0, 1).contiguous(); // (Aᵀ·G)ᵀ
        assertArrayEquals(byTheFormula.toFloatArray(), weight.grad().toFloatArray(), "the same sums, to the last bit");
    }

    @Test
    void aPlainRightOperandKeepsThePlainProduct() {
        Rng rng = new Rng(4);
        Tensor a = Tensor.randn(rng, DType.F32, Device.CPU, 5, 7);
        Tensor b = Tensor.randn(rng, DType.F32, Device.CPU, 7, 3);
        Tensor g = Tensor.randn(rng, DType.F32, Device.CPU, 5, 3);
        assertArrayEquals(a.transpose(0, 1).matmul(g).toFloatArray(), MatMul.productLaidOutLike(b, a.transpose(0, 1), g).toFloatArray());
    }
}
