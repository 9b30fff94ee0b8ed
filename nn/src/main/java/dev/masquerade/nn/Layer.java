package dev.masquerade.nn;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Shape;
import java.util.Map;

/**
 * A module with one input and one output, like PyTorch's {@code forward(x)}: a linear layer, a
 * convolution, an activation, a {@link Sequential} stack of layers, a whole classifier.
 */
public abstract class Layer extends Module {

    /** The layer's computation. */
    public abstract Tensor forward(Tensor input);

    /**
     * A table of the direct children like Keras's {@code summary()}: each child's output shape
     * for an input of {@code inputShape} (batch axis included) and its parameter count. The
     * children run one after another, as in a {@link Sequential}.
     */
    public String summary(int... inputShape) {
        StringBuilder out = new StringBuilder(String.format("%-28s %-22s %12s%n", "layer", "output shape", "parameters"));
        out.append("-".repeat(64)).append('\n');
        try (var scope = NoGrad.enter(); var evaluating = evaluating()) {
            Tensor x = Tensor.zeros(inputShape);
            for (Map.Entry<String, Module> entry : children().entrySet()) {
                if (!(entry.getValue() instanceof Layer layer)) {
                    throw new IllegalStateException("summary: child " + entry.getKey() + " (" + entry.getValue().getClass().getSimpleName()
                            + ") is not a Layer, so it has no single forward pass to run");
                }
                x = layer.forward(x);
                out.append(String.format("%-28s %-22s %,12d%n", entry.getKey() + " (" + layer.getClass().getSimpleName() + ")",
                        Shape.str(x.shape()), layer.parameterCount()));
            }
        }
        out.append("-".repeat(64)).append('\n');
        return out.append(String.format("%-51s %,12d%n", "total", parameterCount())).toString();
    }
}
