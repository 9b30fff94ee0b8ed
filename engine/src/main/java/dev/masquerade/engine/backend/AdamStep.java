package dev.masquerade.engine.backend;

/**
 * The numbers of one Adam step, as {@link FusedAdam#adamUpdate} applies it to every element:
 * <pre>
 *   g ← g + l2·p                      (L2 weight decay, Adam's original form)
 *   m ← β₁·m + (1 − β₁)·g
 *   v ← β₂·v + (1 − β₂)·g²
 *   p ← decay·p − stepSize·m / (√v·vScale + ε)
 * </pre>
 * With bias correction, stepSize = lr/(1 − β₁ᵗ) and vScale = 1/√(1 − β₂ᵗ), so that the last
 * line is p − lr·m̂/(√v̂ + ε); decay = 1 − lr·λ for AdamW's decoupled weight decay, else 1.
 */
public record AdamStep(double beta1, double beta2, double stepSize, double vScale, double epsilon, double decay, double l2) {
}
