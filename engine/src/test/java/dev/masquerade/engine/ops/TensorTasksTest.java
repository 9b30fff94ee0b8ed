package dev.masquerade.engine.ops;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Coursework assignment 2, tensors: the gradients of broadcasting, of reductions and of the
 * matrix product. Each task is graded by the gradient properties of the operations that need
 * it. {@code mvn test -Dgroups=task-2.1} runs one task.
 */
class TensorTasksTest {

    @Tag("task-2.1")
    @TestFactory
    Stream<DynamicTest> broadcastInputsGetGradientsOfTheirOwnShape() {
        // only the gradient: the forward pass of add and mul does not use sumToShape
        return Stream.of("add", "mul").flatMap(op -> GradientCases.named(op).stream()).map(c -> c.gradientTest());
    }

    @Tag("task-2.2")
    @TestFactory
    Stream<DynamicContainer> sum() {
        return GradientCases.named("sum").stream().map(c -> c.tests());
    }

    @Tag("task-2.3")
    @TestFactory
    Stream<DynamicContainer> matmul() {
        return GradientCases.named("matmul").stream().map(c -> c.tests());
    }
}
