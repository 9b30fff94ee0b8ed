package dev.masquerade.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.testing.GradientCase;
import dev.masquerade.engine.testing.Property;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The registry of operations is Tensor's public API: every public method that takes or is
 * called on a tensor and returns a tensor is an operation, unless listed below with the
 * reason it has no gradient. Adding an operation without a gradient case fails this test. A
 * case named "op (variant)" covers op by a path of its own, such as conv2d's depthwise kernels.
 */
class OperationRegistryTest {

    /** Methods that return a tensor but are not differentiable operations, and why. */
    static final Map<String, String> NOT_DIFFERENTIABLE = Map.ofEntries(
            Map.entry("grad", "reads the accumulated gradient"),
            Map.entry("requiresGrad", "marks a leaf; returns it for chaining"),
            Map.entry("detach", "cuts the graph on purpose (AutogradTest checks that no gradient passes)"),
            Map.entry("to", "copies to another dtype or device as a new leaf"),
            Map.entry("copyFrom", "the in-place write for optimizers (AutogradTest checks its version guard)"),
            Map.entry("scalarLike", "creates a constant"),
            Map.entry("zerosLike", "creates a constant"),
            Map.entry("onesLike", "creates a constant"),
            Map.entry("asStrided", "low-level view constructor used by the view operations"),
            Map.entry("argmax", "returns positions (I32), which have no gradient (TensorTest checks the values)"),
            Map.entry("argmin", "returns positions (I32), which have no gradient (TensorTest checks the values)"),
            Map.entry("eq", "a 0/1 mask: its derivative is 0 almost everywhere (TensorTest checks the values)"),
            Map.entry("gt", "a 0/1 mask: its derivative is 0 almost everywhere (TensorTest checks the values)"),
            Map.entry("ge", "a 0/1 mask: its derivative is 0 almost everywhere (TensorTest checks the values)"),
            Map.entry("lt", "a 0/1 mask: its derivative is 0 almost everywhere (TensorTest checks the values)"),
            Map.entry("le", "a 0/1 mask: its derivative is 0 almost everywhere (TensorTest checks the values)"));

    static Set<String> operations() {
        return Arrays.stream(Tensor.class.getMethods())
                .filter(m -> m.getReturnType() == Tensor.class && m.getDeclaringClass() == Tensor.class)
                .filter(m -> !Modifier.isStatic(m.getModifiers()) || takesTensors(m))
                .map(Method::getName)
                .filter(name -> !NOT_DIFFERENTIABLE.containsKey(name))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean takesTensors(Method m) {
        return Arrays.stream(m.getParameterTypes()).anyMatch(t -> t == Tensor.class || t == java.util.List.class);
    }

    @Test
    void everyOperationHasAGradientCase() {
        Set<String> covered = GradientCases.all().stream().map(c -> c.name().split(" ")[0]).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(operations());
        missing.removeAll(covered);
        assertEquals(Set.of(), missing, "operations without a gradient property");
        Set<String> unknown = new TreeSet<>(covered);
        unknown.removeAll(operations());
        assertEquals(Set.of(), unknown, "gradient cases that name no operation of Tensor");
    }

    @Test
    void everyPropertyRunsAtLeastOneHundredTries() {
        assertTrue(Property.DEFAULT_TRIES >= 100);
        assertTrue(Property.forAll("probe", r -> 0).effectiveTries() >= 100 || System.getProperty("masquerade.tries") != null);
    }

    @Test
    void theRegistryFindsTheOperationsItShould() {
        Set<String> ops = operations();
        for (String name : new String[] {"add", "matmul", "conv2d", "concat", "where", "softmax", "pad"}) {
            assertTrue(ops.contains(name), name + " should be listed");
        }
        assertTrue(ops.size() >= 45, "found only " + ops);
    }
}
