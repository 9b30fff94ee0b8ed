package dev.masquerade.engine.backend;

/**
 * Element-wise functions of one tensor, named by opcode so that every backend (a Java loop, an
 * OpenCL kernel) can run them. Parameterised functions carry their scalars in the call.
 */
public enum UnaryOp {
    NEG(0), EXP(0), LOG(0), SQRT(0), ABS(0),
    /** -1, 0 or 1. */
    SIGN(0),
    /** 1 where x &gt; 0, else 0: the derivative of relu. */
    STEP(0),
    RELU(0),
    /** Parameter: the slope for negative inputs. */
    LEAKY_RELU(1),
    SIGMOID(0), TANH(0),
    /** log(1 + e^x), computed stably. */
    SOFTPLUS(0),
    /** Parameter: the exponent. */
    POW(1),
    /** Parameters: the minimum and the maximum. */
    CLAMP(2),
    /** The error function, 2/√π ∫₀ˣ e^(−t²) dt (for GELU). */
    ERF(0);

    private final int parameterCount;

    UnaryOp(int parameterCount) {
        this.parameterCount = parameterCount;
    }

    /** How many scalar parameters a call must pass. */
    public int parameterCount() {
        return parameterCount;
    }
}
