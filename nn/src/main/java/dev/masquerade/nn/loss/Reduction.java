package dev.masquerade.nn.loss;

/** How a loss turns per-element values into its result. */
public enum Reduction {
    /** The (weighted) mean: Σ w·l / Σ w, or the plain mean without weights. */
    MEAN,
    /** The (weighted) sum Σ w·l. */
    SUM,
    /** The per-element losses, unreduced. */
    NONE
}
