package dev.masquerade.tutorials;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import java.util.LinkedHashMap;
import java.util.Map;

/** Chapter 1, autograd from scratch: f(x, y) = (x·y + x)² at x = 2, y = 3, three ways. */
public final class AutogradChapter extends Chapter {
    static final double X = 2;
    static final double Y = 3;

    public AutogradChapter() {
        super(1, "Autograd from scratch", "01-autograd.md");
    }

    // snippet: example
    /** f(x, y) = (x·y + x)² and its gradient with the one-page {@link Value}. */
    static Value[] withValues(double x0, double y0) {
        Value x = new Value(x0), y = new Value(y0);
        Value u = x.mul(y);      // u = x·y
        Value v = u.add(x);      // v = u + x: x is used a second time
        Value f = v.square();    // f = v²
        f.backward();
        return new Value[] {f, x, y};
    }

    /** The same with the engine's tensors (float64 scalars). */
    static Tensor[] withTensors(double x0, double y0) {
        Tensor x = Tensor.full(x0, DType.F64, Device.CPU).requiresGrad(true);
        Tensor y = Tensor.full(y0, DType.F64, Device.CPU).requiresGrad(true);
        Tensor f = x.mul(y).add(x).pow(2);
        f.backward();
        return new Tensor[] {f, x.grad(), y.grad()};
    }
    // end snippet

    @Override
    public Map<String, Double> numbers() {
        Value[] values = withValues(X, Y);
        Tensor[] tensors = withTensors(X, Y);
        double[] numeric = Gradients.centralDifferences(p -> (p[0] * p[1] + p[0]) * (p[0] * p[1] + p[0]), new double[] {X, Y}, 1e-5);
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("u", X * Y);
        numbers.put("v", X * Y + X);
        numbers.put("f", values[0].data());
        numbers.put("df/dv", 2 * (X * Y + X));
        numbers.put("df/dx via u", 2 * (X * Y + X) * Y);
        numbers.put("df/dx direct", 2 * (X * Y + X));
        numbers.put("df/dx", values[1].grad());
        numbers.put("df/dy", values[2].grad());
        numbers.put("engine df/dx", tensors[1].item());
        numbers.put("engine df/dy", tensors[2].item());
        numbers.put("numeric df/dx", numeric[0]);
        numbers.put("numeric df/dy", numeric[1]);
        return numbers;
    }
}
