package dev.masquerade.translation;

import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.Layer;
import dev.masquerade.nn.loss.Losses;
import dev.masquerade.nn.optim.Optimizer;

/**
 * One CycleGAN training step on a batch a of domain A and a batch b of domain B, unpaired.
 * Two generators, G: A → B and F: B → A, and two discriminators, D_B (is it a real B?) and
 * D_A. Nothing says which B belongs to which A, so the adversarial loss alone would let G map
 * every A to any convincing B. The cycle-consistency loss ties them: F(G(a)) must give a back,
 * and G(F(b)) b, so G has to keep what identifies its input. The identity loss asks G to leave
 * a picture that is already a B alone (G(b) ≈ b), which keeps colours and layout from drifting.
 * The generators minimise
 * c(D_B(G(a)), 1) + c(D_A(F(b)), 1) + λ·(|F(G(a)) − a|₁ + |G(F(b)) − b|₁) + λ_id·λ·(|G(b) − b|₁ + |F(a) − a|₁);
 * each discriminator learns on real pictures and on fakes drawn from its {@link HistoryBuffer}.
 * Tutorial: tutorials/25-cycle-consistency.md.
 */
public final class CycleGan {
    /** CycleGAN's weight of the cycle-consistency terms. */
    public static final double LAMBDA_CYCLE = 10;
    /** CycleGAN's weight of the identity terms, as a fraction of λ. */
    public static final double LAMBDA_IDENTITY = 0.5;

    /** The four networks: G (A → B), F (B → A), and the discriminators of B and of A. */
    public record Networks(Layer aToB, Layer bToA, Layer discriminatorB, Layer discriminatorA) {
    }

    private final Networks networks;
    private final Optimizer generators;
    private final Optimizer discriminators;
    private final Objective objective;
    private final double lambda;
    private final double identity;
    private final HistoryBuffer fakeBs;
    private final HistoryBuffer fakeAs;

    /**
     * @param generators one optimizer over both generators' parameters
     * @param discriminators one optimizer over both discriminators' parameters
     * @param lambda λ, the cycle terms' weight; identity, λ_id, the identity terms' as a fraction of λ
     */
    public CycleGan(Networks networks, Optimizer generators, Optimizer discriminators, Objective objective, double lambda, double identity,
                    HistoryBuffer fakeBs, HistoryBuffer fakeAs) {
        this.networks = networks;
        this.generators = generators;
        this.discriminators = discriminators;
        this.objective = objective;
        this.lambda = lambda;
        this.identity = identity;
        this.fakeBs = fakeBs;
        this.fakeAs = fakeAs;
    }

    /** What one step did: the generators' adversarial, cycle and identity terms (summed over both directions) and D's losses. */
    public record StepReport(double adversarial, double cycle, double identity, double discriminatorB, double discriminatorA) {
    }

    /** One update of both generators, then one of both discriminators. */
    public StepReport step(Tensor a, Tensor b) {
        Layer g = networks.aToB(), f = networks.bToA();
        generators.zeroGrad();
        discriminators.zeroGrad(); // the generators' loss back-propagates through both discriminators too
        Tensor fakeB = g.forward(a);
        Tensor fakeA = f.forward(b);
        GeneratorTerms terms = generatorTerms(a, b, fakeB, fakeA);
        Tensor loss = terms.adversarial().add(terms.cycle().mul(lambda)).add(terms.identity().mul(identity * lambda));
        loss.backward();
        generators.step();
        discriminators.zeroGrad();
        Tensor lossB = objective.discriminator(networks.discriminatorB().forward(b), networks.discriminatorB().forward(fakeBs.exchange(fakeB)));
        Tensor lossA = objective.discriminator(networks.discriminatorA().forward(a), networks.discriminatorA().forward(fakeAs.exchange(fakeA)));
        lossB.add(lossA).backward();
        discriminators.step();
        return new StepReport(terms.adversarial().item(), terms.cycle().item(), terms.identity().item(), lossB.item(), lossA.item());
    }

    /** The three terms of the generators' loss, each summed over both directions (the identity's 0 when its weight is). */
    private record GeneratorTerms(Tensor adversarial, Tensor cycle, Tensor identity) {
    }

    // snippet: losses
    private GeneratorTerms generatorTerms(Tensor a, Tensor b, Tensor fakeB, Tensor fakeA) {
        Layer g = networks.aToB(), f = networks.bToA();
        // BEGIN SOLUTION task-9.5: the generators' loss terms: the objective's generator loss of D_B on G(a) plus that of D_A on F(b); the cycle terms |F(G(a)) - a| + |G(F(b)) - b| (mean absolute errors); and, when identity > 0, the identity terms |G(b) - b| + |F(a) - a|, else 0 (see tutorials/25-cycle-consistency.md)
        Tensor adversarial = objective.generator(networks.discriminatorB().forward(fakeB))
                .add(objective.generator(networks.discriminatorA().forward(fakeA)));
        Tensor cycle = Losses.l1(f.forward(fakeB), a).add(Losses.l1(g.forward(fakeA), b));
        Tensor same = identity > 0 ? Losses.l1(g.forward(b), b).add(Losses.l1(f.forward(a), a)) : a.scalarLike(0);
        return new GeneratorTerms(adversarial, cycle, same);
        // END SOLUTION
    }
    // end snippet
}
