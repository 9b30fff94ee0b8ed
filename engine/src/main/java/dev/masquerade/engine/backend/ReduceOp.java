package dev.masquerade.engine.backend;

/** Reductions over a set of axes. */
public enum ReduceOp {
    SUM, MAX
}
