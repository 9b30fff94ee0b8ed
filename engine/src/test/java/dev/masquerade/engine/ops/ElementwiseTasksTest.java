package dev.masquerade.engine.ops;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Coursework assignment 1, autograd: the backward rules of the element-wise functions (tasks 1.3
 * to 1.8, after the graph walk of 1.1 and 1.2, which every gradient needs). Each task is graded by
 * its operation's gradient properties (float32 against float64, the gradient against finite
 * differences). {@code mvn test -Dgroups=task-1.3} runs one task.
 */
class ElementwiseTasksTest {

    private static Stream<DynamicContainer> properties(String operation) {
        return GradientCases.named(operation).stream().map(c -> c.tests());
    }

    @Tag("task-1.3")
    @TestFactory
    Stream<DynamicContainer> exp() {
        return properties("exp");
    }

    @Tag("task-1.4")
    @TestFactory
    Stream<DynamicContainer> log() {
        return properties("log");
    }

    @Tag("task-1.5")
    @TestFactory
    Stream<DynamicContainer> sqrt() {
        return properties("sqrt");
    }

    @Tag("task-1.6")
    @TestFactory
    Stream<DynamicContainer> relu() {
        return properties("relu");
    }

    @Tag("task-1.7")
    @TestFactory
    Stream<DynamicContainer> sigmoid() {
        return properties("sigmoid");
    }

    @Tag("task-1.8")
    @TestFactory
    Stream<DynamicContainer> tanh() {
        return properties("tanh");
    }
}
