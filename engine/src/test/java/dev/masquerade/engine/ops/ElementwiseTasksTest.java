package dev.masquerade.engine.ops;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Coursework assignment 0, the element-wise functions and their derivatives: each task is graded
 * by its operation's gradient properties (forward in float32 against float64, gradient against
 * finite differences). {@code mvn test -Dgroups=task-0.1} runs one task.
 */
class ElementwiseTasksTest {

    private static Stream<DynamicContainer> properties(String operation) {
        return GradientCases.named(operation).stream().map(c -> c.tests());
    }

    @Tag("task-0.1")
    @TestFactory
    Stream<DynamicContainer> exp() {
        return properties("exp");
    }

    @Tag("task-0.2")
    @TestFactory
    Stream<DynamicContainer> log() {
        return properties("log");
    }

    @Tag("task-0.3")
    @TestFactory
    Stream<DynamicContainer> sqrt() {
        return properties("sqrt");
    }

    @Tag("task-0.4")
    @TestFactory
    Stream<DynamicContainer> relu() {
        return properties("relu");
    }

    @Tag("task-0.5")
    @TestFactory
    Stream<DynamicContainer> sigmoid() {
        return properties("sigmoid");
    }

    @Tag("task-0.6")
    @TestFactory
    Stream<DynamicContainer> tanh() {
        return properties("tanh");
    }
}
