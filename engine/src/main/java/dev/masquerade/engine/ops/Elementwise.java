package dev.masquerade.engine.ops;

import dev.masquerade.engine.Autograd;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.backend.BinaryOp;
import dev.masquerade.engine.backend.UnaryOp;

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
        return unary("exp", UnaryOp.EXP, x, (in, y) -> y); // d eˣ = eˣ
    }

    public static Tensor log(Tensor x) {
        return unary("log", UnaryOp.LOG, x, (in, y) -> in.pow(-1)); // d ln x = 1/x
    }

    public static Tensor sqrt(Tensor x) {
        return unary("sqrt", UnaryOp.SQRT, x, (in, y) -> y.pow(-1).mul(0.5)); // d √x = 1/(2√x)
    }

    public static Tensor abs(Tensor x) {
        return unary("abs", UnaryOp.ABS, x, (in, y) -> map(UnaryOp.SIGN, in)); // d|x| = sign(x)
    }

    public static Tensor relu(Tensor x) {
        return unary("relu", UnaryOp.RELU, x, (in, y) -> map(UnaryOp.STEP, in)); // d relu = 1 if x > 0 else 0
    }

    public static Tensor leakyRelu(Tensor x, double slope) {
        // d = 1 if x > 0 else slope, i.e. slope + (1 − slope)·step(x)
        return unary("leakyRelu", UnaryOp.LEAKY_RELU, x, (in, y) -> map(UnaryOp.STEP, in).mul(1 - slope).add(slope), slope);
    }

    public static Tensor sigmoid(Tensor x) {
        return unary("sigmoid", UnaryOp.SIGMOID, x, (in, y) -> y.mul(y.neg().add(1))); // dσ = σ(1 − σ)
    }

    public static Tensor tanh(Tensor x) {
        return unary("tanh", UnaryOp.TANH, x, (in, y) -> y.mul(y).neg().add(1)); // d tanh = 1 − tanh²
    }

    public static Tensor softplus(Tensor x) {
        return unary("softplus", UnaryOp.SOFTPLUS, x, (in, y) -> map(UnaryOp.SIGMOID, in)); // d log(1 + eˣ) = σ(x)
    }

    public static Tensor pow(Tensor x, double exponent) {
        return unary("pow", UnaryOp.POW, x, (in, y) -> in.pow(exponent - 1).mul(exponent), exponent); // d xᵖ = p·xᵖ⁻¹
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
        return Autograd.record(name, y, g -> new Tensor[] {g.mul(derivative.at(x, y))}, x);
    }
}
