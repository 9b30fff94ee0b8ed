package dev.masquerade.tutorials;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reverse-mode autograd on single numbers, in one page: chapter 1 (tutorials/01-autograd.md)
 * builds it before showing the engine's {@code Tensor}, which does the same for arrays.
 * Each value remembers the values it was made from and how to pass a gradient back to them.
 */
public final class Value {
    /** Passes this value's gradient on to its inputs. */
    private interface Backward {
        void run();
    }

    private final double data;
    private final List<Value> inputs;
    private double grad;
    private Backward backward = () -> { };

    /** A leaf: a number that was not computed from other values. */
    public Value(double data) {
        this(data, List.of());
    }

    private Value(double data, List<Value> inputs) {
        this.data = data;
        this.inputs = inputs;
    }

    public double data() {
        return data;
    }

    /** dL/d(this value), after {@link #backward()} of L. */
    public double grad() {
        return grad;
    }

    // snippet: operations
    /** this + other: d/dthis = 1, d/dother = 1. */
    public Value add(Value other) {
        Value out = new Value(data + other.data, List.of(this, other));
        out.backward = () -> {
            this.grad += out.grad;   // += not =: a value used twice collects both contributions
            other.grad += out.grad;
        };
        return out;
    }

    /** this · other: d/dthis = other, d/dother = this. */
    public Value mul(Value other) {
        Value out = new Value(data * other.data, List.of(this, other));
        out.backward = () -> {
            this.grad += other.data * out.grad;
            other.grad += this.data * out.grad;
        };
        return out;
    }

    /** this²: d/dthis = 2·this. */
    public Value square() {
        Value out = new Value(data * data, List.of(this));
        out.backward = () -> this.grad += 2 * data * out.grad;
        return out;
    }
    // end snippet

    // snippet: backward
    /** Fills grad() of every value this one was computed from: dthis/dv for each v. */
    public void backward() {
        List<Value> order = new ArrayList<>();
        visit(this, new HashSet<>(), order);    // inputs before the values made from them
        grad = 1;                               // dthis/dthis
        for (int i = order.size() - 1; i >= 0; i--) {
            order.get(i).backward.run();        // a value's grad is complete before it is passed on
        }
    }

    private static void visit(Value v, Set<Value> seen, List<Value> order) {
        if (seen.add(v)) {
            for (Value input : v.inputs) {
                visit(input, seen, order);
            }
            order.add(v);
        }
    }
    // end snippet
}
