package dev.masquerade.translation;

import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.Layer;
import dev.masquerade.nn.loss.Losses;
import dev.masquerade.nn.optim.Optimizer;
import java.util.List;

/**
 * One pix2pix training step on a batch of aligned pairs (x, y). The discriminator sees a
 * picture beside its input, so it judges whether y fits x, not only whether y looks real:
 * it learns ½·(c(D(x, y), 1) + c(D(x, G(x)), 0)). The generator then minimises
 * c(D(x, G(x)), 1) + λ·|G(x) − y|₁. The L1 term alone makes G predict the median of what could
 * be there (blurry where the answer is uncertain); the adversarial term pushes it towards one
 * sharp, plausible answer. Without a discriminator this is the L1-only U-Net, the baseline.
 * Tutorial: tutorials/24-conditional-gans.md.
 */
public final class Pix2Pix {
    /** pix2pix's weight of the L1 term. */
    public static final double LAMBDA_L1 = 100;
    private final Layer generator;
    private final Layer discriminator;
    private final Optimizer generatorOptimizer;
    private final Optimizer discriminatorOptimizer;
    private final Objective objective;
    private final double lambda;

    /**
     * @param discriminator null for the L1-only baseline (its optimizer is then ignored)
     * @param lambda the L1 term's weight λ
     */
    public Pix2Pix(Layer generator, Layer discriminator, Optimizer generatorOptimizer, Optimizer discriminatorOptimizer,
                   Objective objective, double lambda) {
        this.generator = generator;
        this.discriminator = discriminator;
        this.generatorOptimizer = generatorOptimizer;
        this.discriminatorOptimizer = discriminatorOptimizer;
        this.objective = objective;
        this.lambda = lambda;
    }

    /** What one step did: the generator's adversarial and L1 terms, D's loss, and D's verdicts on real and fake pairs. */
    public record StepReport(double generatorAdversarial, double l1, double discriminatorLoss, double dReal, double dFake) {
        /** The generator's whole loss, c + λ·L1. */
        public double generatorLoss(double lambda) {
            return generatorAdversarial + lambda * l1;
        }
    }

    // snippet: step
    /** One discriminator update and one generator update on inputs x and targets y [N, C, H, W]. */
    public StepReport step(Tensor x, Tensor y) {
        Tensor fake = generator.forward(x);
        double discriminatorLoss = 0, dReal = 0, dFake = 0;
        if (discriminator != null) {
            // BEGIN SOLUTION task-9.3: the conditional discriminator's update: scores for (x, y) and for (x, G(x)) detached, each pair concatenated along the channels; D's loss is the objective's, one update of D; keep the loss and D's mean verdicts for the report (see tutorials/24-conditional-gans.md)
            discriminatorOptimizer.zeroGrad();
            Tensor realScores = discriminator.forward(pair(x, y));
            Tensor fakeScores = discriminator.forward(pair(x, fake.detach()));
            Tensor loss = objective.discriminator(realScores, fakeScores);
            loss.backward();
            discriminatorOptimizer.step();
            discriminatorLoss = loss.item();
            dReal = objective.meanOutput(realScores);
            dFake = objective.meanOutput(fakeScores);
            // END SOLUTION
        }
        generatorOptimizer.zeroGrad();
        Tensor l1 = Losses.l1(fake, y);
        Tensor adversarial = discriminator == null ? null : objective.generator(discriminator.forward(pair(x, fake)));
        Tensor loss = adversarial == null ? l1.mul(lambda) : adversarial.add(l1.mul(lambda));
        loss.backward();
        generatorOptimizer.step();
        return new StepReport(adversarial == null ? 0 : adversarial.item(), l1.item(), discriminatorLoss, dReal, dFake);
    }
    // end snippet

    /** A picture beside its input: [N, Cx + Cy, H, W], what the conditional discriminator judges. */
    public static Tensor pair(Tensor x, Tensor y) {
        return Tensor.concat(List.of(x, y), 1);
    }
}
