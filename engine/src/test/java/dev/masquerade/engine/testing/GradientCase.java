package dev.masquerade.engine.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;

/**
 * The standard properties every differentiable operation must have, run on generated inputs:
 * <ol>
 *   <li><b>gradient</b>: autograd's gradient matches central finite differences in float64
 *       ({@link GradCheck}); the backward pass leaves the inputs and the upstream gradient
 *       unchanged; every gradient has its input's shape (a broadcast input's is summed back);
 *       and no two gradients, inputs or the upstream gradient share storage.</li>
 *   <li><b>float32</b>: the float32 forward pass agrees with float64 to {@link #FLOAT32_TOLERANCE}
 *       (relative, over the whole output).</li>
 * </ol>
 *
 * @param name    the operation's name, as the registry test looks it up
 * @param inputs  generated inputs
 * @param op      the operation applied to the inputs (the layout gives its parameters)
 */
public record GradientCase(String name, Gen<Inputs> inputs, Op op) {
    /** Relative agreement required between the float32 and float64 forward passes. */
    public static final double FLOAT32_TOLERANCE = 1e-5;

    /** An operation applied to tensors built from a generated layout. */
    @FunctionalInterface
    public interface Op {
        Tensor apply(List<Tensor> inputs, Layout layout);
    }

    /** A case whose inputs follow {@code layouts}, input i drawing values from domain i (the last repeats). */
    public static GradientCase of(String name, Gen<Layout> layouts, List<Domain> domains, Op op) {
        return new GradientCase(name, Inputs.over(layouts, domains), op);
    }

    /** Both properties as JUnit tests under one container named after the operation. */
    public DynamicContainer tests() {
        return DynamicContainer.dynamicContainer(name, Stream.of(gradientTest(), float32Test()));
    }

    /** Property 2 alone, for what only the forward pass decides. */
    public DynamicTest float32Test() {
        return Property.forAll(name + ": float32 agrees with float64", inputs).test(this::checkFloat32);
    }

    /** Property 1 alone, for what only the backward pass decides (a task on a gradient rule, say). */
    public DynamicTest gradientTest() {
        return Property.forAll(name + ": gradient", inputs).test(this::checkGradient);
    }

    /** Property 1; throws on failure. */
    public void checkGradient(Inputs in) {
        List<HostTensor> host = in.materialize();
        List<Boolean> differentiable = new ArrayList<>();
        List<Tensor> leaves = new ArrayList<>();
        for (int i = 0; i < host.size(); i++) {
            differentiable.add(in.domain(i).differentiable());
            leaves.add(host.get(i).toTensor(DType.F64).requiresGrad(differentiable.get(i)));
        }
        Tensor y = op.apply(leaves, in.layout());
        double[] u = GradCheck.upstream(new SplittableRandom(in.valueSeed() ^ 0x5DEECE66DL), y.numel());
        Tensor upstream = Tensor.of(u, y.dtype(), y.device(), y.shape());
        y.backward(upstream);

        List<double[]> analytic = new ArrayList<>();
        List<Storage> storages = new ArrayList<>(List.of(upstream.storage()));
        for (int i = 0; i < leaves.size(); i++) {
            Tensor leaf = leaves.get(i);
            assertArrayEquals(host.get(i).values(), leaf.toDoubleArray(), "input " + i + " was modified by the forward or backward pass");
            storages.add(leaf.storage());
            if (!differentiable.get(i)) {
                analytic.add(null);
                continue;
            }
            Tensor grad = leaf.grad();
            assertNotNull(grad, "input " + i + " received no gradient");
            assertArrayEquals(leaf.shape(), grad.shape(), "the gradient of input " + i + " has the wrong shape");
            storages.add(grad.storage());
            analytic.add(grad.toDoubleArray());
        }
        assertArrayEquals(u, upstream.toDoubleArray(), "the upstream gradient was modified by the backward pass");
        for (int a = 0; a < storages.size(); a++) {
            for (int b = a + 1; b < storages.size(); b++) {
                assertNotSame(storages.get(a), storages.get(b), "two of the inputs, gradients and upstream gradient share storage");
            }
        }
        GradCheck.Op plain = tensors -> op.apply(tensors, in.layout());
        for (GradCheck.Comparison c : GradCheck.compare(plain, host, differentiable, u, analytic)) {
            assertTrue(c.relativeError() <= GradCheck.TOLERANCE, String.format(
                    "gradient of input %d: relative error %.3g exceeds %.0e", c.input(), c.relativeError(), GradCheck.TOLERANCE));
        }
    }

    /**
     * Property 2; throws on failure. Both passes get the same inputs, rounded to float32 first,
     * so the comparison measures the arithmetic and not the rounding of the inputs (which
     * cancellation, as in a − b for a ≈ b, would magnify).
     */
    public void checkFloat32(Inputs in) {
        List<Tensor> f64 = new ArrayList<>();
        List<Tensor> f32 = new ArrayList<>();
        for (HostTensor exact : in.materialize()) {
            double[] rounded = exact.values().clone();
            for (int i = 0; i < rounded.length; i++) {
                rounded[i] = (float) rounded[i];
            }
            HostTensor h = exact.withValues(rounded);
            f64.add(h.toTensor(DType.F64));
            f32.add(h.toTensor(DType.F32));
        }
        Tensor expected = op.apply(f64, in.layout());
        Tensor actual = op.apply(f32, in.layout());
        assertEquals(DType.F32, actual.dtype(), "a float32 input should give a float32 output");
        assertArrayEquals(expected.shape(), actual.shape());
        double error = GradCheck.relativeError(actual.toDoubleArray(), expected.toDoubleArray());
        assertTrue(error <= FLOAT32_TOLERANCE, String.format("float32 output differs from float64 by %.3g relative", error));
    }
}
