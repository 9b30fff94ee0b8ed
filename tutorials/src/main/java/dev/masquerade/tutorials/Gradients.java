package dev.masquerade.tutorials;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** The two ways every chapter gets a gradient: the engine's autograd, and central differences to check it. */
public final class Gradients {
    private Gradients() {
    }

    /** The engine's gradient of a scalar function of one float64 tensor with the given values and shape. */
    public static double[] engine(Function<Tensor, Tensor> f, double[] at, int... shape) {
        Tensor x = Tensor.of(at, DType.F64, Device.CPU, shape).requiresGrad(true);
        f.apply(x).backward();
        return x.grad().toDoubleArray();
    }

    // snippet: central
    /**
     * ∂f/∂xᵢ ≈ (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h for each i. The error is O(h²) (the odd terms
     * of the Taylor series cancel), against O(h) for a one-sided difference; in float64,
     * h = 1e-6 balances that error against rounding in the subtraction.
     */
    public static double[] centralDifferences(ToDoubleFunction<double[]> f, double[] at, double h) {
        double[] gradient = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            double[] up = at.clone(), down = at.clone();
            up[i] += h;
            down[i] -= h;
            gradient[i] = (f.applyAsDouble(up) - f.applyAsDouble(down)) / (2 * h);
        }
        return gradient;
    }
    // end snippet

    /** Central differences of a scalar function of one float64 tensor, evaluated by the engine: the check of {@link #engine}. */
    public static double[] numeric(Function<Tensor, Tensor> f, double[] at, int... shape) {
        return centralDifferences(x -> f.apply(Tensor.of(x, DType.F64, Device.CPU, shape)).item(), at, 1e-6);
    }
}
