package dev.masquerade.nn.optim;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Updates parameters from their gradients. Subclasses give the rule for one parameter; this
 * class runs it for every parameter that has a gradient, inside {@link NoGrad}, and writes
 * the new value in place so the parameter keeps its identity. The per-parameter state
 * (momentum, moment estimates) can be saved and restored with checkpoints.
 */
public abstract class Optimizer {
    private final List<Parameter> parameters;
    private double learningRate;
    private long steps;
    /** Per-parameter state tensors, keyed "index.name" (for example "3.m"). */
    private final Map<String, Tensor> state = new LinkedHashMap<>();

    protected Optimizer(List<Parameter> parameters, double learningRate) {
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": no parameters to optimise");
        }
        this.parameters = List.copyOf(parameters);
        this.learningRate = learningRate;
    }

    /** The new value of one parameter; use {@link #state} for what must persist between steps. */
    protected abstract Tensor update(int index, Tensor value, Tensor grad, long step);

    /** One update of every parameter that has a gradient. */
    public void step() {
        steps++;
        try (var scope = NoGrad.enter()) {
            for (int i = 0; i < parameters.size(); i++) {
                Parameter p = parameters.get(i);
                if (p.grad() != null) {
                    p.value().copyFrom(update(i, p.value(), p.grad(), steps));
                }
            }
        }
    }

    /** Forgets every parameter's gradient. */
    public void zeroGrad() {
        parameters.forEach(Parameter::zeroGrad);
    }

    public double learningRate() {
        return learningRate;
    }

    /** Changes the step size, e.g. from a {@link LearningRateSchedule}. */
    public void setLearningRate(double rate) {
        this.learningRate = rate;
    }

    /** Steps taken so far. */
    public long steps() {
        return steps;
    }

    /** The state tensor {@code name} of parameter {@code index}, created as zeros on first use. */
    protected Tensor state(int index, String name, Tensor like) {
        return state.computeIfAbsent(index + "." + name, k -> Tensor.zerosLike(like));
    }

    /** Replaces a state tensor. */
    protected void setState(int index, String name, Tensor value) {
        state.put(index + "." + name, value);
    }

    /** Everything needed to resume: the state tensors and the step count (as "steps"). */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>(state);
        out.put("steps", Tensor.scalar(steps));
        return out;
    }

    /** Restores what {@link #stateDict} returned. */
    public void loadStateDict(Map<String, Tensor> saved) {
        state.clear();
        saved.forEach((key, value) -> {
            if (key.equals("steps")) {
                steps = (long) value.item();
            } else {
                state.put(key, value);
            }
        });
    }
}
