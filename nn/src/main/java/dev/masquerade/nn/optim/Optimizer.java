package dev.masquerade.nn.optim;

import dev.masquerade.engine.Memory;
import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Updates parameters from their gradients. Subclasses give the rule for one parameter; this
 * class runs it for every parameter that has a gradient, inside {@link NoGrad}. The rule
 * writes the new value in place so the parameter keeps its identity. The per-parameter state
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
        this.learningRate = checkLearningRate(getClass().getSimpleName(), learningRate);
    }

    /**
     * {@code rate} when it is a finite number of at least 0 (as PyTorch: 0 freezes the
     * parameters, and schedules may end there; NaN or ∞ would wreck every weight), else a clear error.
     */
    static double checkLearningRate(String owner, double rate) {
        if (!(rate >= 0 && Double.isFinite(rate))) {
            throw new IllegalArgumentException(owner + ": the learning rate must be a finite number of at least 0, got " + rate);
        }
        return rate;
    }

    /**
     * Updates one parameter in place (with {@link Tensor#copyFrom} or a fused backend
     * operation); use {@link #state} for what must persist between steps.
     */
    protected abstract void update(int index, Tensor value, Tensor grad, long step);

    /** One update of every parameter that has a gradient. */
    public void step() {
        steps++;
        try (var scope = NoGrad.enter()) {
            for (int i = 0; i < parameters.size(); i++) {
                Parameter p = parameters.get(i);
                if (p.grad() != null) {
                    update(i, p.value(), p.grad(), steps);
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
        this.learningRate = checkLearningRate(getClass().getSimpleName(), rate);
    }

    /** Steps taken so far. */
    public long steps() {
        return steps;
    }

    /**
     * The state tensor {@code name} of parameter {@code index}, created as zeros on first use,
     * and moved to {@code like}'s device and dtype if it was loaded from a checkpoint elsewhere.
     */
    protected Tensor state(int index, String name, Tensor like) {
        Tensor value = state.computeIfAbsent(index + "." + name, k -> Memory.persist(Tensor.zerosLike(like)));
        if (!value.device().equals(like.device()) || value.dtype() != like.dtype()) {
            value = Memory.persist(value.to(like.dtype()).to(like.device()));
            state.put(index + "." + name, value);
        }
        return value;
    }

    /** Replaces a state tensor. */
    protected void setState(int index, String name, Tensor value) {
        state.put(index + "." + name, Memory.persist(value));
    }

    /** Everything needed to resume: the state tensors and the step count (as "steps"). */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>(state);
        out.put("steps", Tensor.scalar(steps));
        return out;
    }

    /** Restores what {@link #stateDict} returned (copying it, so the two optimizers do not share state). */
    public void loadStateDict(Map<String, Tensor> saved) {
        state.clear();
        saved.forEach((key, value) -> {
            if (key.equals("steps")) {
                steps = (long) value.item();
            } else {
                state.put(key, Memory.persist(value.detach().clone())); // an own copy: updates write into state tensors in place
            }
        });
    }
}
