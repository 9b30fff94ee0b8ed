package dev.masquerade.engine;

import dev.masquerade.engine.array.Shape;

/**
 * One recorded operation in the autograd graph: the inputs it read and how to turn the
 * gradient of its output into gradients of those inputs. Created by {@link Autograd#record}.
 */
public final class Node {
    private final String name;
    private final Tensor[] inputs;
    private final int[] inputVersions;
    private final Autograd.Backward backward;

    Node(String name, Tensor[] inputs, Autograd.Backward backward) {
        this.name = name;
        this.inputs = inputs;
        this.backward = backward;
        this.inputVersions = new int[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            inputVersions[i] = inputs[i].storage().version();
        }
    }

    /** The operation's name, for messages and graph printing. */
    public String name() {
        return name;
    }

    Tensor[] inputs() {
        return inputs;
    }

    Tensor[] backward(Tensor gradOutput) {
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].storage().version() != inputVersions[i]) {
                throw new IllegalStateException(name + ": input " + i + " " + Shape.str(inputs[i].shape())
                        + " was modified in place after the forward pass, so its gradient would be wrong; "
                        + "update tensors in place only outside the graph (e.g. optimizer steps under NoGrad) or clone them first");
            }
        }
        return backward.apply(gradOutput);
    }
}
