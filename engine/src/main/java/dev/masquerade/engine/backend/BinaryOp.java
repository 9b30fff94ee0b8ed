package dev.masquerade.engine.backend;

/**
 * Element-wise functions of two tensors of the same (broadcast) shape. The comparisons return
 * 1 where they hold and 0 elsewhere: masks for the backward passes of max, min and clamp.
 */
public enum BinaryOp {
    ADD, SUB, MUL, DIV, MAX, MIN,
    EQ, GT, GE, LT, LE,
    /** a to the power b. */
    POW
}
