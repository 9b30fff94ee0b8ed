package dev.masquerade.engine.ops;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * Every differentiable operation, checked by the harness's standard properties: its gradient
 * matches finite differences in float64 (inputs and upstream gradient untouched, gradients
 * unshared and of their inputs' shapes), and float32 agrees with float64.
 */
class GradientPropertiesTest {

    @TestFactory
    Stream<DynamicContainer> everyOperation() {
        return GradientCases.all().stream().map(c -> c.tests());
    }
}
