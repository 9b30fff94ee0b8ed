package dev.masquerade.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.nn.Parameter;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Each optimizer against steps worked out by hand, and on a problem with a known answer. */
class OptimizerTest {

    private static Parameter parameter(double... values) {
        return new Parameter(Tensor.of(values, DType.F64, values.length));
    }

    /** Sets the gradient of p to g by back-propagating Σ g·p. */
    private static void setGradient(Parameter p, double... g) {
        p.zeroGrad();
        p.value().mul(Tensor.of(g, DType.F64, g.length)).sum().backward();
    }

    @Test
    void nonsenseHyperparametersAreRefusedBeforeAnyStep() {
        List<Parameter> params = List.of(parameter(1, 2));
        for (double rate : new double[] {Double.NaN, Double.POSITIVE_INFINITY, -1e-3}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Adam(params, rate, 0.9, 0.999));
            assertTrue(e.getMessage().contains("learning rate") && e.getMessage().contains(String.valueOf(rate)), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new Adam(params, 1e-3, 1.0, 0.999));
        assertThrows(IllegalArgumentException.class, () -> new Adam(params, 1e-3, 0.9, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Adam.adamW(params, 1e-3, 0.9, 0.999, -0.1));
        Adam adam = new Adam(params, 1e-3, 0.9, 0.999);
        assertThrows(IllegalArgumentException.class, () -> adam.setLearningRate(Double.NaN), "a schedule cannot set NaN either");
    }

    @Test
    void sgdStepsAgainstTheGradient() {
        Parameter p = parameter(1, -2);
        Sgd sgd = new Sgd(List.of(p), 0.1);
        setGradient(p, 0.5, -1);
        sgd.step();
        assertArrayEquals(new double[] {0.95, -1.9}, p.value().toDoubleArray(), 1e-12);
    }

    @Test
    void momentumAndNesterovFollowPyTorch() {
        // velocity v1 = g1, v2 = μ v1 + g2; plain momentum steps by v, Nesterov by g + μ v
        Parameter plain = parameter(0);
        Parameter nesterov = parameter(0);
        Sgd a = new Sgd(List.of(plain), 1, 0.9, false, 0);
        Sgd b = new Sgd(List.of(nesterov), 1, 0.9, true, 0);
        for (double g : new double[] {1, 2}) {
            setGradient(plain, g);
            setGradient(nesterov, g);
            a.step();
            b.step();
        }
        assertEquals(-(1 + (0.9 * 1 + 2)), plain.value().item(), 1e-12);          // −v1 − v2
        assertEquals(-((1 + 0.9 * 1) + (2 + 0.9 * 2.9)), nesterov.value().item(), 1e-12);
    }

    @Test
    void weightDecayAddsToTheGradient() {
        Parameter p = parameter(2);
        Sgd sgd = new Sgd(List.of(p), 0.1, 0, false, 0.5);
        setGradient(p, 1);
        sgd.step();
        assertEquals(2 - 0.1 * (1 + 0.5 * 2), p.value().item(), 1e-12);
    }

    @Test
    void adamsFirstStepIsTheLearningRateAgainstTheGradientsSign() {
        // with bias correction m̂ = g and v̂ = g², so the step is lr·g/(|g| + ε)
        Parameter p = parameter(1, 1, 1);
        Adam adam = new Adam(List.of(p), 0.01, 0.9, 0.999);
        setGradient(p, 3, -0.002, 50);
        adam.step();
        assertArrayEquals(new double[] {0.99, 1.01, 0.99}, p.value().toDoubleArray(), 1e-6);
    }

    @Test
    void adamWDecaysTheWeightsDirectly() {
        Parameter p = parameter(2);
        Adam adamW = Adam.adamW(List.of(p), 0.1, 0.9, 0.999, 0.5);
        setGradient(p, 1);
        adamW.step();
        assertEquals(2 * (1 - 0.1 * 0.5) - 0.1 * 1 / (1 + 1e-8), p.value().item(), 1e-9);
    }

    private static double minimise(Function<List<Parameter>, Optimizer> factory, int steps) {
        // f(x) = Σ (x − target)², minimum at target
        Parameter x = parameter(5, -3, 0.5);
        Tensor target = Tensor.of(new double[] {1, 2, -1}, DType.F64, 3);
        Optimizer optimizer = factory.apply(List.of(x));
        for (int i = 0; i < steps; i++) {
            optimizer.zeroGrad();
            Tensor d = x.value().sub(target);
            d.mul(d).sum().backward();
            optimizer.step();
        }
        Tensor d = x.value().sub(target);
        return Math.sqrt(d.mul(d).sum().item());
    }

    @Test
    void everyOptimizerFindsTheMinimumOfAQuadratic() {
        assertTrue(minimise(p -> new Sgd(p, 0.1), 200) < 1e-6);
        assertTrue(minimise(p -> new Sgd(p, 0.05, 0.9, true, 0), 300) < 1e-6);
        assertTrue(minimise(p -> new Adam(p, 0.1, 0.9, 0.999), 1000) < 1e-3);
    }

    @Test
    void savedStateResumesExactly() {
        Parameter a = parameter(1, 2);
        Parameter b = parameter(1, 2);
        Adam first = new Adam(List.of(a), 0.1, 0.9, 0.999);
        for (int i = 0; i < 3; i++) {
            setGradient(a, i + 1, -i);
            first.step();
        }
        Adam resumed = new Adam(List.of(b), 0.1, 0.9, 0.999);
        b.replace(a.value().to(a.value().dtype()));
        resumed.loadStateDict(first.stateDict());
        setGradient(a, 0.3, 0.7);
        setGradient(b, 0.3, 0.7);
        first.step();
        resumed.step();
        assertArrayEquals(a.value().toDoubleArray(), b.value().toDoubleArray(), 0);
        assertEquals(4, resumed.steps());
    }

    @Test
    void schedulesAndClipping() {
        LearningRateSchedule step = LearningRateSchedule.step(1, 2, 0.5);
        assertEquals(1, step.rate(1));
        assertEquals(0.25, step.rate(4));
        LearningRateSchedule cosine = LearningRateSchedule.cosine(1, 0.1, 10);
        assertEquals(1, cosine.rate(0), 1e-12);
        assertEquals(0.55, cosine.rate(5), 1e-12);
        assertEquals(0.1, cosine.rate(12), 1e-12);

        Parameter p = parameter(0, 0);
        setGradient(p, 3, 4);
        assertEquals(5, GradientClipping.clipGlobalNorm(List.of(p), 1), 1e-12);
        assertArrayEquals(new double[] {0.6, 0.8}, p.grad().toDoubleArray(), 1e-9);
    }
}
