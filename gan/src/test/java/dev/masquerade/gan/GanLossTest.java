package dev.masquerade.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The GAN losses: their values against the formulas of their javadoc, their gradients against
 * central differences, and the one fact that separates minimax from non-saturating training.
 * Coursework tasks 6.1 to 6.4 (the losses) are graded here; {@code mvn test -Dgroups=task-6.3}
 * runs one.
 */
class GanLossTest {
    private static final double[] REAL = {2.0, -0.5, 0.3};
    private static final double[] FAKE = {-1.5, 0.7, -4.0};

    private static Tensor logits(double... values) {
        return Tensor.of(values, DType.F64, Device.CPU, values.length, 1).requiresGrad(true);
    }

    private static double softplus(double x) {
        return Math.log1p(Math.exp(x));
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static double mean(double[] values, java.util.function.DoubleUnaryOperator f) {
        double sum = 0;
        for (double v : values) {
            sum += f.applyAsDouble(v);
        }
        return sum / values.length;
    }

    /** The three gradients of a loss (both sides of D's, and G's) against central differences. */
    private static void checkGradients(GanLoss loss) {
        double smoothing = loss == GanLoss.HINGE ? 0 : 0.1;
        checkGradient(loss + " discriminator, real side", REAL, x -> loss.discriminator(x, logits(FAKE), smoothing));
        checkGradient(loss + " discriminator, fake side", FAKE, x -> loss.discriminator(logits(REAL), x, smoothing));
        checkGradient(loss + " generator", FAKE, x -> loss.generator(x));
    }

    /** Both losses stay finite where a probability would round to 0 or 1. */
    private static void checkFinite(GanLoss loss) {
        double d = loss.discriminator(logits(800, -800), logits(-800, 800), 0).item();
        double g = loss.generator(logits(-800, 800)).item();
        assertTrue(Double.isFinite(d) && Double.isFinite(g), loss + ": " + d + ", " + g);
    }

    @Tag("task-6.1")
    @Test
    void theCrossEntropyDiscriminatorLossIsSoftplusOfBothSides() {
        double bce = mean(REAL, r -> softplus(-r)) + mean(FAKE, f -> softplus(f));
        assertEquals(bce, GanLoss.MINIMAX.discriminator(logits(REAL), logits(FAKE), 0).item(), 1e-12);
        assertEquals(bce, GanLoss.NONSATURATING.discriminator(logits(REAL), logits(FAKE), 0).item(), 1e-12);
        double smoothed = mean(REAL, r -> softplus(r) - 0.9 * r) + mean(FAKE, f -> softplus(f));
        assertEquals(smoothed, GanLoss.MINIMAX.discriminator(logits(REAL), logits(FAKE), 0.1).item(), 1e-12);
        checkGradient("discriminator, real side", REAL, x -> GanLoss.MINIMAX.discriminator(x, logits(FAKE), 0.1));
        checkGradient("discriminator, fake side", FAKE, x -> GanLoss.MINIMAX.discriminator(logits(REAL), x, 0.1));
        assertTrue(Double.isFinite(GanLoss.MINIMAX.discriminator(logits(800, -800), logits(-800, 800), 0).item()));
    }

    @Test
    void theMinimaxGeneratorLossIsLogOfOneMinusD() {
        assertEquals(mean(FAKE, f -> -softplus(f)), GanLoss.MINIMAX.generator(logits(FAKE)).item(), 1e-12); // log(1 − σ(f))
        checkGradients(GanLoss.MINIMAX);
        checkFinite(GanLoss.MINIMAX);
    }

    @Tag("task-6.2")
    @Test
    void theNonSaturatingGeneratorLossIsMinusLogD() {
        assertEquals(mean(FAKE, f -> softplus(-f)), GanLoss.NONSATURATING.generator(logits(FAKE)).item(), 1e-12); // −log σ(f)
        checkGradients(GanLoss.NONSATURATING);
        checkFinite(GanLoss.NONSATURATING);
    }

    @Tag("task-6.3")
    @Test
    void leastSquaresLossesPullScoresTowardsTheirTargets() {
        double squares = 0.5 * (mean(REAL, r -> (r - 1) * (r - 1)) + mean(FAKE, f -> f * f));
        assertEquals(squares, GanLoss.LSGAN.discriminator(logits(REAL), logits(FAKE), 0).item(), 1e-12);
        double smoothed = 0.5 * (mean(REAL, r -> (r - 0.9) * (r - 0.9)) + mean(FAKE, f -> f * f));
        assertEquals(smoothed, GanLoss.LSGAN.discriminator(logits(REAL), logits(FAKE), 0.1).item(), 1e-12);
        assertEquals(mean(FAKE, f -> 0.5 * (f - 1) * (f - 1)), GanLoss.LSGAN.generator(logits(FAKE)).item(), 1e-12);
        checkGradients(GanLoss.LSGAN);
        checkFinite(GanLoss.LSGAN);
    }

    @Tag("task-6.4")
    @Test
    void hingeLossesStopAtTheirMargin() {
        double hinge = mean(REAL, r -> Math.max(0, 1 - r)) + mean(FAKE, f -> Math.max(0, 1 + f));
        assertEquals(hinge, GanLoss.HINGE.discriminator(logits(REAL), logits(FAKE), 0).item(), 1e-12);
        assertEquals(mean(FAKE, f -> -f), GanLoss.HINGE.generator(logits(FAKE)).item(), 1e-12);
        checkGradients(GanLoss.HINGE);
        checkFinite(GanLoss.HINGE);
    }

    private static void checkGradient(String what, double[] at, java.util.function.Function<Tensor, Tensor> loss) {
        Tensor x = logits(at);
        loss.apply(x).backward();
        double[] analytic = x.grad().toDoubleArray();
        double h = 1e-6;
        for (int i = 0; i < at.length; i++) {
            double[] up = at.clone(), down = at.clone();
            up[i] += h;
            down[i] -= h;
            double numeric = (loss.apply(logits(up)).item() - loss.apply(logits(down)).item()) / (2 * h);
            assertEquals(numeric, analytic[i], 1e-7, what + ", logit " + i);
        }
    }

    @Tag("task-6.2")
    @Test
    void theMinimaxGeneratorsGradientVanishesWhereTheNonSaturatingOneDoesNot() {
        // Early in training D rejects fakes: D(G(z)) = σ(−6) ≈ 0.0025.
        BiFunction<GanLoss, Double, Double> slope = (loss, f) -> {
            Tensor x = logits(f);
            loss.generator(x).backward();
            return x.grad().item();
        };
        assertEquals(-sigmoid(-6), slope.apply(GanLoss.MINIMAX, -6.0), 1e-12);
        assertEquals(sigmoid(-6) - 1, slope.apply(GanLoss.NONSATURATING, -6.0), 1e-12);
        assertTrue(Math.abs(slope.apply(GanLoss.MINIMAX, -6.0)) < 0.01 * Math.abs(slope.apply(GanLoss.NONSATURATING, -6.0)));
        // Once D is fooled (σ(f) → 1) it is the other way round.
        assertTrue(Math.abs(slope.apply(GanLoss.MINIMAX, 6.0)) > 100 * Math.abs(slope.apply(GanLoss.NONSATURATING, 6.0)));
    }

    @Test
    void badSettingsAreClearErrors() {
        var hinge = assertThrows(IllegalArgumentException.class, () -> GanLoss.HINGE.discriminator(logits(REAL), logits(FAKE), 0.1));
        assertTrue(hinge.getMessage().contains("hinge"), hinge.getMessage());
        var range = assertThrows(IllegalArgumentException.class, () -> GanLoss.MINIMAX.discriminator(logits(REAL), logits(FAKE), 1.0));
        assertTrue(range.getMessage().contains("[0, 1)"), range.getMessage());
        var name = assertThrows(IllegalArgumentException.class, () -> GanLoss.parse("wgan"));
        assertTrue(name.getMessage().contains("minimax, nonsaturating, lsgan or hinge"), name.getMessage());
        assertEquals(GanLoss.NONSATURATING, GanLoss.parse("NonSaturating"));
    }
}
