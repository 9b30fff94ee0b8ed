package dev.masquerade.engine.ops;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Coursework assignment 7, face networks (the engine's part): the two gradients of the depthwise
 * convolution on the reference backend, each against central differences in float64 over random
 * shapes, filters per channel, strides, paddings and dilations. {@code mvn test -Dgroups=task-7.1}
 * runs one task.
 */
class FaceNetworkTasksTest {

    @Tag("task-7.1")
    @TestFactory
    Stream<DynamicTest> theDepthwiseInputGradient() {
        return Stream.of(GradientCases.depthwiseGradientOf(0).gradientTest());
    }

    @Tag("task-7.2")
    @TestFactory
    Stream<DynamicTest> theDepthwiseWeightGradient() {
        return Stream.of(GradientCases.depthwiseGradientOf(1).gradientTest());
    }
}
