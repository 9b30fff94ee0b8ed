package dev.masquerade.engine;

import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the autograd graph is recorded and walked. */
class AutogradTest {

    private static Tensor leaf(double... values) {
        return Tensor.of(values, DType.F64, values.length).requiresGrad(true);
    }

    /** Checks that order holds every node of root's graph once, each before the nodes of its inputs. */
    private static void assertTopological(java.util.List<Node> order, Node root, int nodes) {
        assertEquals(nodes, order.size(), "every node once");
        assertEquals(root, order.get(0), "the output's node first");
        java.util.Map<Node, Integer> position = new java.util.IdentityHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            assertNull(position.put(order.get(i), i), order.get(i).name() + " appears twice");
        }
        for (Node node : order) {
            for (Tensor input : node.inputs()) {
                if (input.gradFn() != null) {
                    assertTrue(position.get(node) < position.get(input.gradFn()), node.name() + " comes before " + input.gradFn().name());
                }
            }
        }
    }

    @Test
    @Tag("task-1.1")
    void aDiamondIsOrderedWithEachNodeBeforeWhatItReads() {
        Tensor x = leaf(2.0);
        Tensor a = x.mul(3.0), b = x.add(1.0);
        Tensor top = a.mul(b).add(a);
        assertTopological(Autograd.topologicalOrder(top.gradFn()), top.gradFn(), 4); // add, mul, then a's mul and b's add
    }

    @Test
    @Tag("task-1.1")
    void aChainOfOneHundredThousandNodesIsOrderedWithoutRecursion() {
        Tensor y = leaf(1.0);
        for (int i = 0; i < 100_000; i++) {
            y = y.mul(1.00001);
        }
        assertTopological(Autograd.topologicalOrder(y.gradFn()), y.gradFn(), 100_000);
    }

    @Test
    @Tag("task-1.2")
    void aChainOfOneHundredThousandNodesBackPropagatesWithoutRecursion() {
        Tensor x = leaf(1.0);
        Tensor y = x;
        for (int i = 0; i < 100_000; i++) {
            y = y.mul(1.00001);
        }
        y.backward(); // a one-element tensor: no sum needed (sum's backward is task 2.4)
        assertEquals(Math.pow(1.00001, 100_000), x.grad().item(), 1e-9);
    }

    @Test
    @Tag("task-1.2")
    void gradientsOfATensorUsedSeveralTimesAreSummed() {
        Tensor x = leaf(3.0, -2.0);
        x.mul(x).add(x).backward(Tensor.onesLike(x)); // d(x² + x) = 2x + 1
        assertArrayEquals(new double[] {7, -3}, x.grad().toDoubleArray(), 1e-12);
    }

    @Test
    @Tag("task-1.2")
    void aSecondBackwardOnTheSameGraphAccumulatesAgain() {
        Tensor x = leaf(2.0);
        Tensor loss = x.mul(x);
        loss.backward();
        loss.backward();
        assertEquals(8.0, x.grad().item(), 1e-12);
        x.zeroGrad();
        assertNull(x.grad());
        loss.backward();
        assertEquals(4.0, x.grad().item(), 1e-12);
    }

    @Test
    void noGradScopesRecordNothingAndNest() {
        Tensor x = leaf(1.0);
        try (var outer = NoGrad.enter()) {
            try (var inner = NoGrad.enter()) {
                assertFalse(NoGrad.isGradEnabled());
            }
            assertFalse(NoGrad.isGradEnabled());
            Tensor y = x.exp();
            assertNull(y.gradFn());
            assertFalse(y.requiresGrad());
        }
        assertTrue(NoGrad.isGradEnabled());
        assertEquals("exp", x.exp().gradFn().name());
    }

    @Test
    void detachStopsTheGradient() {
        Tensor x = leaf(3.0);
        x.detach().mul(x).sum().backward(); // only the second factor carries a gradient
        assertEquals(3.0, x.grad().item(), 1e-12);
    }

    @Test
    void anInPlaceWriteToASavedTensorIsCaughtAtBackward() {
        Tensor x = leaf(1.0, 2.0);
        Tensor w = leaf(3.0, 4.0);
        Tensor loss = x.mul(w).sum();
        try (var scope = NoGrad.enter()) {
            w.copyFrom(Tensor.of(new double[] {5, 6}, DType.F64, 2));
        }
        IllegalStateException error = assertThrows(IllegalStateException.class, loss::backward);
        assertTrue(error.getMessage().contains("modified in place"), error.getMessage());
    }

    @Test
    void inPlaceWritesToParametersNeedANoGradScope() {
        Tensor w = leaf(1.0);
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> w.copyFrom(Tensor.of(new double[] {2}, DType.F64, 1)));
        assertTrue(error.getMessage().contains("NoGrad"), error.getMessage());
        try (var scope = NoGrad.enter()) {
            w.copyFrom(w.sub(w.scalarLike(0.5)));
        }
        assertEquals(0.5, w.item(), 1e-12);
    }

    @Test
    void onlyFloatingPointLeavesCanRequireGradients() {
        Tensor computed = leaf(1.0).exp();
        assertThrows(IllegalStateException.class, () -> computed.requiresGrad(true));
        assertThrows(IllegalArgumentException.class, () -> Tensor.indices(new int[] {1}, 1).requiresGrad(true));
    }

    @Test
    void backwardWithoutAnArgumentNeedsALoss() {
        Tensor y = leaf(1.0, 2.0).exp();
        IllegalStateException error = assertThrows(IllegalStateException.class, y::backward);
        assertTrue(error.getMessage().contains("[2]"), error.getMessage());
        assertThrows(IllegalStateException.class, () -> Tensor.of(new double[] {1}, DType.F64, 1).sum().backward());
    }

    @Test
    void theGradientOfABroadcastInputHasTheInputsShape() {
        Tensor bias = Tensor.of(new double[] {1, 2, 3}, DType.F64, 3).requiresGrad(true);
        Tensor x = Tensor.ones(DType.F64, Device.CPU, 4, 3);
        x.add(bias).sum().backward();
        assertArrayEquals(new int[] {3}, bias.grad().shape());
        assertArrayEquals(new double[] {4, 4, 4}, bias.grad().toDoubleArray(), 0);
    }
}
