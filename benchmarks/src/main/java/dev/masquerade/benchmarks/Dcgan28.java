package dev.masquerade.benchmarks;

import dev.masquerade.engine.Memory;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.Layer;
import dev.masquerade.nn.loss.Losses;
import dev.masquerade.nn.optim.Adam;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One training step of dcgan28 (../shared/anchors/MODELS.md), the same work as
 * torch_reference.py's gan_step: a batch of 64 fakes from fresh noise; one discriminator
 * update on a real batch (label 1) and the detached fakes (label 0); one generator update
 * with the non-saturating loss on the same fakes. Adam lr 2e-4, betas 0.5, 0.999.
 * {@code -p device=opencl:0} runs the step on an OpenCL device: the noise goes there, the
 * generator's loss comes back.
 */
@State(Scope.Benchmark)
public class Dcgan28 extends EngineBenchmark {
    @Param({"cpu"})
    public String device;
    private Device on;
    private Layer generator;
    private Layer discriminator;
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
        on = Device.parse(device);
        generator.to(on);
        discriminator.to(on);
        generatorOptimizer = new Adam(generator.parameters(), 2e-4, 0.5, 0.999);
        discriminatorOptimizer = new Adam(discriminator.parameters(), 2e-4, 0.5, 0.999);
        real = Tensor.rand(rng, 64, 1, 28, 28).mul(2).sub(1).to(on);
        ones = Tensor.ones(64, 1).to(on);
        zeros = Tensor.zeros(64, 1).to(on);
    }

    @Benchmark
    public double step() {
        try (Memory.Scope scope = Memory.scope()) { // as the trainers do: the step's memory goes back when it ends
            return stepInScope();
        }
    }

    private double stepInScope() {
        Tensor fake = generator.forward(Tensor.randn(rng, 64, dev.masquerade.gan.models.Dcgan28.NOISE).to(on));
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
