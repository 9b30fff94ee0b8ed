package dev.masquerade.nn;

import dev.masquerade.engine.Memory;
import dev.masquerade.engine.Tensor;

/**
 * A learnable tensor of a module: a leaf that requires a gradient. Optimizers read its
 * gradient and overwrite its value in place ({@link Tensor#copyFrom}), so a parameter keeps
 * its identity for the whole training run, and its memory outlives every {@link Memory} scope.
 */
public final class Parameter {
    private Tensor value;

    /** Wraps {@code initial} (which becomes a leaf that requires a gradient). */
    public Parameter(Tensor initial) {
        this.value = Memory.persist(initial.detach().requiresGrad(true));
    }

    /** The current value, to use in forward passes. */
    public Tensor value() {
        return value;
    }

    /** The gradient accumulated by the last backward passes, or null. */
    public Tensor grad() {
        return value.grad();
    }

    /** Forgets the accumulated gradient. */
    public void zeroGrad() {
        value.zeroGrad();
    }

    /** Replaces the value by a new leaf (for moving to a device or loading a checkpoint). */
    public void replace(Tensor newValue) {
        this.value = Memory.persist(newValue.detach().requiresGrad(true));
    }
}
