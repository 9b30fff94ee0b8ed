package dev.masquerade.engine;

import dev.masquerade.engine.array.Shape;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reverse-mode automatic differentiation on a dynamic graph.
 *
 * <p>Every differentiable operation calls {@link #record} with its output, its inputs and a
 * {@link Backward} that maps the output's gradient to the inputs' gradients using tensor
 * operations (so the backward pass runs on the forward pass's device). {@link #backward} then
 * walks the graph from the output in reverse topological order, summing the gradients of
 * tensors used more than once, and accumulates into the {@code grad} of every leaf that
 * requires one.
 *
 * <p>Decisions a reader should know:
 * <ul>
 *   <li>The graph is kept after {@code backward()}: calling it again on the same output adds
 *       the same gradients to the leaves once more (PyTorch's {@code retain_graph=True}).
 *       Call {@code zeroGrad()} between steps.</li>
 *   <li>The backward pass records no graph itself, so there are no second derivatives.</li>
 *   <li>The only in-place write is {@link Tensor#copyFrom}. It bumps the storage's version; a
 *       node whose input was written after the forward pass refuses to run.</li>
 * </ul>
 * Tutorial: tutorials/01-autograd.md builds the same machinery for single numbers.
 */
public final class Autograd {
    private Autograd() {
    }

    /** The backward rule of one operation: gradients of its inputs (null where none is needed). */
    @FunctionalInterface
    public interface Backward {
        Tensor[] apply(Tensor gradOutput);
    }

    /**
     * Attaches a graph node to {@code output} when gradients are enabled and some input requires
     * a gradient; otherwise returns output untouched.
     *
     * @return output, for chaining
     */
    public static Tensor record(String name, Tensor output, Backward backward, Tensor... inputs) {
        return record(name, java.util.Map.of(), output, backward, inputs);
    }

    /**
     * {@link #record(String, Tensor, Backward, Tensor...)} for an operation with attributes
     * (strides, axes, slopes), which a recording {@link Trace} keeps beside the inputs.
     */
    public static Tensor record(String name, java.util.Map<String, Object> attributes, Tensor output, Backward backward, Tensor... inputs) {
        Trace.record(name, attributes, output, inputs);
        if (!NoGrad.isGradEnabled()) {
            return output;
        }
        boolean needed = false;
        for (Tensor input : inputs) {
            needed |= input.requiresGrad();
        }
        if (needed) {
            output.attach(new Node(name, inputs, backward));
        }
        return output;
    }

    /**
     * The gradient for {@code input} computed by {@code gradient}, or null (no gradient) when
     * the input does not require one. Backward rules wrap their costlier terms in it, so that,
     * say, a convolution of images that need no gradient computes only its weight's.
     */
    public static Tensor ifNeeded(Tensor input, java.util.function.Supplier<Tensor> gradient) {
        return input.requiresGrad() ? gradient.get() : null;
    }

    /**
     * Back-propagates {@code gradOutput} (same shape as output) through the graph that produced
     * output. Runs iteratively, so a chain of any length works.
     */
    static void backward(Tensor output, Tensor gradOutput) {
        if (!output.requiresGrad()) {
            throw new IllegalStateException("backward: this tensor " + Shape.str(output.shape())
                    + " does not require a gradient; call requiresGrad(true) on the leaves it is computed from, outside NoGrad");
        }
        if (!Arrays.equals(output.shape(), gradOutput.shape())) {
            throw new IllegalArgumentException("backward: the gradient's shape " + Shape.str(gradOutput.shape())
                    + " differs from the output's " + Shape.str(output.shape()));
        }
        if (output.gradFn() == null) {
            output.accumulateGrad(gradOutput);
            return;
        }
        Map<Node, Tensor> pending = new IdentityHashMap<>();
        pending.put(output.gradFn(), gradOutput);
        try (var scope = NoGrad.enter()) {
            for (Node node : topologicalOrder(output.gradFn())) {
                Tensor grad = pending.remove(node);
                if (grad == null) {
                    continue; // no path from the output carries a gradient here
                }
                Tensor[] inputGrads = node.backward(grad);
                Tensor[] inputs = node.inputs();
                for (int i = 0; i < inputs.length; i++) {
                    Tensor input = inputs[i];
                    if (!input.requiresGrad() || inputGrads[i] == null) {
                        continue;
                    }
                    if (!Arrays.equals(inputGrads[i].shape(), input.shape())) {
                        throw new IllegalStateException(node.name() + ": backward produced a gradient of shape "
                                + Shape.str(inputGrads[i].shape()) + " for input " + i + " of shape " + Shape.str(input.shape()));
                    }
                    // BEGIN SOLUTION task-1.2: pass the input's gradient on: a leaf adds it to its own (accumulateGrad), a computed tensor's node sums it into pending (Tensor::add), to run once all its gradients are in (see tutorials/01-autograd.md)
                    if (input.gradFn() == null) {
                        input.accumulateGrad(inputGrads[i]);
                    } else {
                        pending.merge(input.gradFn(), inputGrads[i], Tensor::add);
                    }
                    // END SOLUTION
                }
            }
        }
    }

    /** Nodes ordered so that each comes before every node it depends on (iterative DFS); package-private for its test. */
    static List<Node> topologicalOrder(Node root) {
        // BEGIN SOLUTION task-1.1: the graph's nodes from root, each once and before every node it depends on, without recursion: a depth-first walk with an explicit stack gives the post-order (inputs first), and its reverse is the order wanted (see tutorials/01-autograd.md)
        List<Node> postOrder = new ArrayList<>();
        Map<Node, Boolean> visited = new IdentityHashMap<>();
        ArrayDeque<Node> stack = new ArrayDeque<>();
        ArrayDeque<Integer> nextChild = new ArrayDeque<>();
        stack.push(root);
        nextChild.push(0);
        visited.put(root, true);
        while (!stack.isEmpty()) {
            Node node = stack.peek();
            int child = nextChild.pop();
            Tensor[] inputs = node.inputs();
            if (child < inputs.length) {
                nextChild.push(child + 1);
                Node next = inputs[child].gradFn();
                if (next != null && visited.put(next, true) == null) {
                    stack.push(next);
                    nextChild.push(0);
                }
            } else {
                stack.pop();
                postOrder.add(node);
            }
        }
        Collections.reverse(postOrder);
        return postOrder;
        // END SOLUTION
    }
}
