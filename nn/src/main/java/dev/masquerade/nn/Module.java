package dev.masquerade.nn;

import dev.masquerade.engine.Memory;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A piece of a network: it owns parameters, buffers (state that is saved but not learned,
 * such as batch normalisation's running statistics) and child modules, and has a training
 * and an evaluation mode. A module with one input and one output is a {@link Layer}, which
 * adds {@code forward}; a model that is called in other ways (the face swap's encoder and two
 * decoders, a GAN's pair of networks) is a module with its own methods instead.
 *
 * <p>Names are paths: a parameter {@code weight} of the child {@code conv1} is
 * {@code conv1.weight}. Checkpoints and optimizers use these names.
 */
public abstract class Module {
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

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

    /**
     * Redraws the weights of this module and of every module inside it by {@code scheme}, in
     * registration order, depth first (see {@link Initialisation}). Returns this module.
     */
    public Module initialise(Initialisation scheme, dev.masquerade.engine.Rng rng) {
        scheme.applyTo(this, rng);
        children.values().forEach(child -> child.initialise(scheme, rng));
        return this;
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

    /**
     * Evaluation mode until the returned scope closes, then every module back in the mode it
     * had: {@code try (var evaluating = model.evaluating()) { ... }} instead of a pair of
     * {@link #eval()} and {@link #train()} calls that an exception or an early return can split.
     */
    public Evaluating evaluating() {
        Map<Module, Boolean> before = new java.util.IdentityHashMap<>();
        collectModes(before);
        eval();
        return () -> before.forEach((module, mode) -> module.training = mode);
    }

    /** The scope {@link #evaluating} returns; closing it restores the modes. */
    @FunctionalInterface
    public interface Evaluating extends AutoCloseable {
        @Override
        void close();
    }

    private void collectModes(Map<Module, Boolean> modes) {
        modes.put(this, training);
        children.values().forEach(c -> c.collectModes(modes));
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
        return convert(t -> t.to(device));
    }

    /**
     * Converts every floating-point parameter and buffer to {@code dtype} (integer buffers such
     * as counters keep their type, as in PyTorch): {@code model.to(DType.F64)} before feeding it
     * float64 input.
     */
    public Module to(DType dtype) {
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("Module.to(" + dtype + "): parameters and buffers hold real numbers; use F32 or F64");
        }
        return convert(t -> t.dtype().isFloatingPoint() ? t.to(dtype) : t);
    }

    private Module convert(UnaryOperator<Tensor> change) {
        parameters.values().forEach(p -> p.replace(change.apply(p.value())));
        buffers.replaceAll((name, b) -> Memory.persist(change.apply(b)));
        children.values().forEach(c -> c.convert(change));
        return this;
    }
}
