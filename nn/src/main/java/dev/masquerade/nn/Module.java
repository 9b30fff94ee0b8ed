package dev.masquerade.nn;

import dev.masquerade.engine.Memory;
import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import dev.masquerade.engine.array.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A piece of a network: it owns parameters, buffers (state that is saved but not learned,
 * such as batch normalisation's running statistics) and child modules, and maps an input
 * tensor to an output tensor in {@link #forward}.
 *
 * <p>Names are paths: a parameter {@code weight} of the child {@code conv1} is
 * {@code conv1.weight}. Checkpoints and optimizers use these names.
 */
public abstract class Module {
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** The module's computation. */
    public abstract Tensor forward(Tensor input);

    /** Registers a learnable tensor under {@code name}. */
    protected final Parameter parameter(String name, Tensor initial) {
        Parameter p = new Parameter(initial);
        parameters.put(name, p);
        return p;
    }

    /** Registers (or replaces) a saved, non-learned tensor under {@code name}; its memory outlives every {@link Memory} scope. */
    protected final void buffer(String name, Tensor value) {
        buffers.put(name, Memory.persist(value));
    }

    /** A registered buffer. */
    protected final Tensor buffer(String name) {
        return buffers.get(name);
    }

    /** Registers a child module under {@code name} and returns it. */
    protected final <M extends Module> M child(String name, M module) {
        children.put(name, module);
        return module;
    }

    /** The direct children, in registration order. */
    public Map<String, Module> children() {
        return new LinkedHashMap<>(children);
    }

    /** Every parameter of this module and its descendants, by path. */
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        parameters.forEach(out::put);
        children.forEach((name, child) -> child.namedParameters().forEach((path, p) -> out.put(name + "." + path, p)));
        return out;
    }

    /** Every buffer of this module and its descendants, by path. */
    public Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        buffers.forEach(out::put);
        children.forEach((name, child) -> child.namedBuffers().forEach((path, b) -> out.put(name + "." + path, b)));
        return out;
    }

    /** Sets a buffer by path (used when loading checkpoints). */
    public void setBuffer(String path, Tensor value) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            if (!buffers.containsKey(path)) {
                throw new IllegalArgumentException("no buffer named " + path + " in " + getClass().getSimpleName());
            }
            buffers.put(path, Memory.persist(value));
            return;
        }
        Module child = children.get(path.substring(0, dot));
        if (child == null) {
            throw new IllegalArgumentException("no child module named " + path.substring(0, dot) + " in " + getClass().getSimpleName());
        }
        child.setBuffer(path.substring(dot + 1), value);
    }

    /** The parameters in path order, for optimizers. */
    public List<Parameter> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** Number of learnable numbers. */
    public long parameterCount() {
        return namedParameters().values().stream().mapToLong(p -> p.value().numel()).sum();
    }

    /** Forgets every parameter's gradient. */
    public void zeroGrad() {
        namedParameters().values().forEach(Parameter::zeroGrad);
    }

    /** Training mode (dropout drops, batch normalisation uses batch statistics); the default. */
    public Module train() {
        return setTraining(true);
    }

    /** Evaluation mode (dropout passes through, batch normalisation uses running statistics). */
    public Module eval() {
        return setTraining(false);
    }

    private Module setTraining(boolean on) {
        training = on;
        children.values().forEach(c -> c.setTraining(on));
        return this;
    }

    /** Whether the module is in training mode. */
    public boolean isTraining() {
        return training;
    }

    /** Moves every parameter and buffer to {@code device}. */
    public Module to(Device device) {
        parameters.values().forEach(p -> p.replace(p.value().to(device)));
        buffers.replaceAll((name, b) -> Memory.persist(b.to(device)));
        children.values().forEach(c -> c.to(device));
        return this;
    }

    /**
     * A table of the direct children like Keras's {@code summary()}: each child's output shape
     * for an input of {@code inputShape} (batch axis included) and its parameter count.
     */
    public String summary(int... inputShape) {
        StringBuilder out = new StringBuilder(String.format("%-28s %-22s %12s%n", "layer", "output shape", "parameters"));
        out.append("-".repeat(64)).append('\n');
        try (var scope = NoGrad.enter()) {
            Tensor x = Tensor.zeros(inputShape);
            boolean wasTraining = training;
            eval();
            for (Map.Entry<String, Module> entry : children.entrySet()) {
                x = entry.getValue().forward(x);
                out.append(String.format("%-28s %-22s %,12d%n", entry.getKey() + " (" + entry.getValue().getClass().getSimpleName() + ")",
                        Shape.str(x.shape()), entry.getValue().parameterCount()));
            }
            setTraining(wasTraining);
        }
        out.append("-".repeat(64)).append('\n');
        return out.append(String.format("%-51s %,12d%n", "total", parameterCount())).toString();
    }
}
