package dev.masquerade.nn.optim;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.nn.Parameter;
import java.util.List;

/** Keeps one bad batch from throwing training off: scales all gradients down together. */
public final class GradientClipping {
    private GradientClipping() {
    }

    /**
     * If the global norm √(Σ‖g‖²) over all parameters exceeds maxNorm, scales every gradient
     * by maxNorm / norm (their directions are kept). Returns the norm before clipping.
     */
    public static double clipGlobalNorm(List<Parameter> parameters, double maxNorm) {
        try (var scope = NoGrad.enter()) {
            double squares = 0;
            for (Parameter p : parameters) {
                if (p.grad() != null) {
                    squares += p.grad().mul(p.grad()).sum().item();
                }
            }
            double norm = Math.sqrt(squares);
            if (norm > maxNorm) {
                double scale = maxNorm / (norm + 1e-12);
                for (Parameter p : parameters) {
                    if (p.grad() != null) {
                        p.grad().copyFrom(p.grad().mul(scale));
                    }
                }
            }
            return norm;
        }
    }
}
