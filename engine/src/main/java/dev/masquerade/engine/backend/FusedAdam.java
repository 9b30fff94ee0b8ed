package dev.masquerade.engine.backend;

import dev.masquerade.engine.array.StridedArray;

/**
 * An optional capability of a {@link Backend}: one Adam step in one pass through memory.
 * Adam is defined by a dozen tensor operations (tutorials/18-adam.md derives them; the
 * optimizer runs them on any backend); a backend that implements this interface does the same
 * arithmetic per element in one kernel, reading and writing each array once. The optimizer
 * uses it where offered, and tests hold it to the tensor-operation form on every backend.
 */
public interface FusedAdam {

    /**
     * One Adam step, in place, on a parameter and its two moment estimates (all of one shape;
     * the gradient may be a strided view): see {@link AdamStep} for the formulas.
     */
    void adamUpdate(StridedArray param, StridedArray grad, StridedArray m, StridedArray v, AdamStep step);
}
