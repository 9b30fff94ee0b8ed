package dev.masquerade.nn.layers;

import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.Layer;
import java.util.function.UnaryOperator;

/** A parameter-free element-wise function as a layer: relu, leaky relu, sigmoid, tanh. */
public final class Activation extends Layer {
    private final String name;
    private final UnaryOperator<Tensor> function;

    private Activation(String name, UnaryOperator<Tensor> function) {
        this.name = name;
        this.function = function;
    }

    public static Activation relu() {
        return new Activation("ReLU", Tensor::relu);
    }

    public static Activation leakyRelu(double slope) {
        return new Activation("LeakyReLU(" + slope + ")", x -> x.leakyRelu(slope));
    }

    public static Activation sigmoid() {
        return new Activation("Sigmoid", Tensor::sigmoid);
    }

    public static Activation tanh() {
        return new Activation("Tanh", Tensor::tanh);
    }

    @Override
    public Tensor forward(Tensor x) {
        return function.apply(x);
    }

    @Override
    public String toString() {
        return name;
    }
}
