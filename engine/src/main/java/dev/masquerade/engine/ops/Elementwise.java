package dev.masquerade.engine.ops;

import dev.masquerade.engine.Autograd;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.backend.BinaryOp;
import dev.masquerade.engine.backend.UnaryOp;
import java.util.Map;

/**
 * Element-wise functions y = f(x). The forward pass is one backend call by opcode; the
 * backward pass is the chain rule for one variable, {@code dL/dx = dL/dy · f'(x)}, so each
 * function below only states its derivative f', written with tensor operations on x and y.
 * Tutorial: tutorials/01-autograd.md.
 */
public final class Elementwise {
    private Elementwise() {
    }

    /** f'(x) as a tensor, from the input x and the output y (whichever is cheaper). */
    @FunctionalInterface
    private interface Derivative {
        Tensor at(Tensor x, Tensor y);
    }

    public static Tensor neg(Tensor x) {
        return unary("neg", UnaryOp.NEG, x, (in, y) -> in.scalarLike(-1)); // d(−x) = −1
    }

    public static Tensor exp(Tensor x) {
        // BEGIN SOLUTION task-1.3: exp(x) through unary() with UnaryOp.EXP, and its derivative, which the output y already holds (see tutorials/01-autograd.md)
        return unary("exp", UnaryOp.EXP, x, (in, y) -> y); // d eˣ = eˣ
        // END SOLUTION
    }

    public static Tensor log(Tensor x) {
        // BEGIN SOLUTION task-1.4: log(x) through unary() with UnaryOp.LOG, and its derivative (see tutorials/01-autograd.md)
        return unary("log", UnaryOp.LOG, x, (in, y) -> in.pow(-1)); // d ln x = 1/x
        // END SOLUTION
    }

    public static Tensor sqrt(Tensor x) {
        // BEGIN SOLUTION task-1.5: sqrt(x) through unary() with UnaryOp.SQRT, and its derivative from the output y (see tutorials/01-autograd.md)
        return unary("sqrt", UnaryOp.SQRT, x, (in, y) -> y.pow(-1).mul(0.5)); // d √x = 1/(2√x)
        // END SOLUTION
    }

    public static Tensor abs(Tensor x) {
        return unary("abs", UnaryOp.ABS, x, (in, y) -> map(UnaryOp.SIGN, in)); // d|x| = sign(x)
    }

    public static Tensor relu(Tensor x) {
        // BEGIN SOLUTION task-1.6: relu(x) through unary() with UnaryOp.RELU, and its derivative as a step (map(UnaryOp.STEP, x)) (see tutorials/01-autograd.md)
        return unary("relu", UnaryOp.RELU, x, (in, y) -> map(UnaryOp.STEP, in)); // d relu = 1 if x > 0 else 0
        // END SOLUTION
    }

    public static Tensor leakyRelu(Tensor x, double slope) {
        // d = 1 if x > 0 else slope, i.e. slope + (1 − slope)·step(x)
        return unary("leakyRelu", UnaryOp.LEAKY_RELU, x, (in, y) -> map(UnaryOp.STEP, in).mul(1 - slope).add(slope), slope);
    }

    public static Tensor sigmoid(Tensor x) {
        // BEGIN SOLUTION task-1.7: sigmoid(x) through unary() with UnaryOp.SIGMOID, and its derivative from the output y alone (see tutorials/07-bce.md)
        return unary("sigmoid", UnaryOp.SIGMOID, x, (in, y) -> y.mul(y.neg().add(1))); // dσ = σ(1 − σ)
        // END SOLUTION
    }

    public static Tensor tanh(Tensor x) {
        // BEGIN SOLUTION task-1.8: tanh(x) through unary() with UnaryOp.TANH, and its derivative from the output y alone (see tutorials/01-autograd.md)
        return unary("tanh", UnaryOp.TANH, x, (in, y) -> y.mul(y).neg().add(1)); // d tanh = 1 − tanh²
        // END SOLUTION
    }

    public static Tensor softplus(Tensor x) {
        return unary("softplus", UnaryOp.SOFTPLUS, x, (in, y) -> map(UnaryOp.SIGMOID, in)); // d log(1 + eˣ) = σ(x)
    }

    public static Tensor pow(Tensor x, double exponent) {
        return unary("pow", UnaryOp.POW, x, (in, y) -> in.pow(exponent - 1).mul(exponent), exponent); // d xᵖ = p·xᵖ⁻¹
    }

    public static Tensor erf(Tensor x) {
        // d erf = 2/√π · e^(−x²)
        return unary("erf", UnaryOp.ERF, x, (in, y) -> in.mul(in).neg().exp().mul(2 / Math.sqrt(Math.PI)));
    }

    /**
     * GELU, x·Φ(x) with Φ the standard normal's distribution function, Φ(x) = (1 + erf(x/√2))/2
     * (PyTorch's exact form). Built from erf, so autograd derives Φ(x) + x·φ(x).
     */
    public static Tensor gelu(Tensor x) {
        return x.mul(erf(x.mul(1 / Math.sqrt(2))).add(1)).mul(0.5);
    }

    /** SiLU (swish), x·σ(x); autograd derives σ(x)(1 + x(1 − σ(x))). */
    public static Tensor silu(Tensor x) {
        return x.mul(x.sigmoid());
    }

    /**
     * ELU, x for x &gt; 0 and α(eˣ − 1) otherwise, written max(x, 0) + α(e^min(x, 0) − 1) so that
     * no exponential overflows where x is large (the unused branch of a where would still make
     * inf, and its zero gradient times inf is NaN).
     */
    public static Tensor elu(Tensor x, double alpha) {
        Tensor zero = x.scalarLike(0);
        return x.maximum(zero).add(x.minimum(zero).exp().sub(1).mul(alpha));
    }

    public static Tensor clamp(Tensor x, double min, double max) {
        if (min > max) {
            throw new IllegalArgumentException("clamp: min " + min + " is greater than max " + max);
        }
        // d clamp = 1 inside [min, max], 0 outside
        return unary("clamp", UnaryOp.CLAMP, x, (in, y) ->
                Arithmetic.compare(BinaryOp.GE, in, in.scalarLike(min)).mul(Arithmetic.compare(BinaryOp.LE, in, in.scalarLike(max))), min, max);
    }

    /** The backend's function by opcode, without recording (for derivatives and masks). */
    static Tensor map(UnaryOp op, Tensor x, double... params) {
        Arithmetic.requireFloatingPoint(op.name().toLowerCase(), x);
        Tensor out = Tensor.empty(x.dtype(), x.device(), x.shape());
        x.backend().unary(op, x.array(), out.array(), params);
        return out;
    }

    private static Tensor unary(String name, UnaryOp op, Tensor x, Derivative derivative, double... params) {
        Tensor y = map(op, x, params);
        return Autograd.record(name, Map.of("parameters", params), y, g -> new Tensor[] {g.mul(derivative.at(x, y))}, x);
    }
}
