package dev.masquerade.benchmarks;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.Module;
import dev.masquerade.nn.loss.Losses;
import dev.masquerade.nn.optim.Adam;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One training step of dcgan28 (../shared/anchors/MODELS.md), the same work as
 * torch_reference.py's gan_step: a batch of 64 fakes from fresh noise; one discriminator
 * update on a real batch (label 1) and the detached fakes (label 0); one generator update
 * with the non-saturating loss on the same fakes. Adam lr 2e-4, betas 0.5, 0.999.
 */
@State(Scope.Benchmark)
public class Dcgan28 extends EngineBenchmark {
    private Module generator;
    private Module discriminator;
    private Adam generatorOptimizer;
    private Adam discriminatorOptimizer;
    private Tensor real;
    private Tensor ones;
    private Tensor zeros;
    private Rng rng;

    @Setup
    public void setUp() {
        rng = new Rng(0);
        generator = dev.masquerade.gan.models.Dcgan28.generator(rng);
        discriminator = dev.masquerade.gan.models.Dcgan28.discriminator(rng);
        generatorOptimizer = new Adam(generator.parameters(), 2e-4, 0.5, 0.999);
        discriminatorOptimizer = new Adam(discriminator.parameters(), 2e-4, 0.5, 0.999);
        real = Tensor.rand(rng, 64, 1, 28, 28).mul(2).sub(1);
        ones = Tensor.ones(64, 1);
        zeros = Tensor.zeros(64, 1);
    }

    @Benchmark
    public double step() {
        Tensor fake = generator.forward(Tensor.randn(rng, 64, dev.masquerade.gan.models.Dcgan28.NOISE));
        discriminatorOptimizer.zeroGrad();
        Tensor discriminatorLoss = Losses.bceWithLogits(discriminator.forward(real), ones)
                .add(Losses.bceWithLogits(discriminator.forward(fake.detach()), zeros));
        discriminatorLoss.backward();
        discriminatorOptimizer.step();
        generatorOptimizer.zeroGrad();
        Tensor generatorLoss = Losses.bceWithLogits(discriminator.forward(fake), ones);
        generatorLoss.backward();
        generatorOptimizer.step();
        return generatorLoss.item();
    }
}
