package dev.masquerade.gan;

import dev.masquerade.engine.Memory;
import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.Layer;
import dev.masquerade.nn.Module;
import dev.masquerade.nn.Parameter;
import dev.masquerade.nn.optim.Optimizer;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The alternating updates of GAN training: k discriminator steps, then one generator step.
 * The discriminator learns to tell real batches from fakes the generator makes of fresh
 * noise (detached: its loss must not move the generator); then the generator learns to make
 * the updated discriminator call its fakes real (the discriminator's parameters get gradients
 * too, but only its optimizer's next zeroGrad sees them). Several discriminator steps give
 * the generator a discriminator that knows real from fake. Tutorial:
 * tutorials/15-alternating-updates.md.
 *
 * <p>The last discriminator step scores the very fakes the generator step then improves,
 * so a step with k = 1 runs the generator forward once, as PyTorch's DCGAN example does.
 */
public final class GanTrainer {
    private final Layer generator;
    private final Layer discriminator;
    private final Optimizer generatorOptimizer;
    private final Optimizer discriminatorOptimizer;
    private final GanLoss loss;
    private final int discriminatorSteps;
    private final double smoothing;

    /**
     * @param discriminatorSteps k, the discriminator updates per generator update (at least 1)
     * @param smoothing one-sided label smoothing: real batches are labelled 1 − smoothing
     */
    public GanTrainer(Layer generator, Layer discriminator, Optimizer generatorOptimizer, Optimizer discriminatorOptimizer,
                      GanLoss loss, int discriminatorSteps, double smoothing) {
        if (discriminatorSteps < 1) {
            throw new IllegalArgumentException("discriminator steps per generator step must be at least 1, got " + discriminatorSteps);
        }
        this.generator = generator;
        this.discriminator = discriminator;
        this.generatorOptimizer = generatorOptimizer;
        this.discriminatorOptimizer = discriminatorOptimizer;
        this.loss = loss;
        this.discriminatorSteps = discriminatorSteps;
        this.smoothing = smoothing;
    }

    /**
     * What one step did. dReal is D(x) on the last real batch; dFakeBefore and dFakeAfter are
     * D(G(z)) for the generator step's noise before and after the generator's update (a
     * generator that learns raises it); generatorGradientNorm is the length of the
     * generator's whole gradient, where the minimax loss's vanishing gradient shows.
     */
    public record StepReport(double discriminatorLoss, double generatorLoss, double dReal, double dFakeBefore, double dFakeAfter,
                             double generatorGradientNorm) {
    }

    /**
     * One generator step and the k discriminator steps before it.
     *
     * @param realBatches the next real batch each time it is called
     * @param noise a batch of n noise vectors for the generator
     */
    public StepReport step(Supplier<Tensor> realBatches, IntFunction<Tensor> noise) {
        try (Memory.Scope scope = Memory.scope()) { // everything the step allocates goes back to the device here
            return stepInScope(realBatches, noise);
        }
    }

    private StepReport stepInScope(Supplier<Tensor> realBatches, IntFunction<Tensor> noise) {
        double discriminatorLoss = 0;
        double dReal = 0;
        Tensor fake = null;
        Tensor z = null;
        for (int k = 1; k <= discriminatorSteps; k++) {
            // BEGIN SOLUTION task-6.5: one of k discriminator steps: the next real batch, fakes from fresh noise (on the last step kept, with the noise z, for the generator's step; before it made without a graph), D's loss on real and detached fakes, one update of D; keep the loss and dReal for the report (see tutorials/15-alternating-updates.md)
            Tensor real = realBatches.get();
            Tensor detached;
            if (k == discriminatorSteps) {
                z = noise.apply(real.size(0));
                fake = generator.forward(z);
                detached = fake.detach();
            } else {
                try (var scope = NoGrad.enter()) {
                    detached = generator.forward(noise.apply(real.size(0)));
                }
            }
            discriminatorOptimizer.zeroGrad();
            Tensor realScores = discriminator.forward(real);
            Tensor value = loss.discriminator(realScores, discriminator.forward(detached), smoothing);
            value.backward();
            discriminatorOptimizer.step();
            discriminatorLoss = value.item();
            dReal = loss.meanOutput(realScores);
            // END SOLUTION
        }
        generatorOptimizer.zeroGrad();
        Tensor fakeScores = discriminator.forward(fake);
        Tensor generatorLoss = loss.generator(fakeScores);
        generatorLoss.backward();
        double gradientNorm = gradientNorm(generator);
        generatorOptimizer.step();
        double dFakeAfter;
        try (var scope = NoGrad.enter()) {
            dFakeAfter = loss.meanOutput(discriminator.forward(generator.forward(z)));
        }
        return new StepReport(discriminatorLoss, generatorLoss.item(), dReal, loss.meanOutput(fakeScores), dFakeAfter, gradientNorm);
    }

    /** √(Σ over parameters of Σ grad²). */
    static double gradientNorm(Module model) {
        double squares = 0;
        try (var scope = NoGrad.enter()) {
            for (Parameter p : model.parameters()) {
                if (p.grad() != null) {
                    squares += p.grad().pow(2).sum().item();
                }
            }
        }
        return Math.sqrt(squares);
    }
}
