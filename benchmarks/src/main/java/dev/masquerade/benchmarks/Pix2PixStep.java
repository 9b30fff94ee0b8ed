package dev.masquerade.benchmarks;

import dev.masquerade.engine.Memory;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.Initialisation;
import dev.masquerade.nn.Layer;
import dev.masquerade.nn.optim.Adam;
import dev.masquerade.translation.Objective;
import dev.masquerade.translation.Pix2Pix;
import dev.masquerade.translation.models.Norm;
import dev.masquerade.translation.models.PatchDiscriminator;
import dev.masquerade.translation.models.UNet;
import dev.masquerade.nn.layers.Upsampling;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One pix2pix training step of {@code masquerade translate train --task edges2fashion}: a batch
 * of 16 grey 32×32 pictures, the U-Net of depth 5 and width 32 (instance normalisation,
 * transposed convolutions, dropout 0.5 on three levels), the conditional PatchGAN of 2 layers
 * and width 64; one discriminator update (½ cross-entropy on real and detached fake pairs), one
 * generator update (cross-entropy + 100·L1). Adam lr 2e-4, betas 0.5, 0.999. Its PyTorch twin
 * is benchmarks/pix2pix_torch.py.
 */
@State(Scope.Benchmark)
public class Pix2PixStep extends EngineBenchmark {
    private Pix2Pix pix2pix;
    private Tensor input;
    private Tensor target;

    @Setup
    public void setUp() {
        Rng rng = new Rng(0);
        Layer generator = new UNet(1, 1, 5, 32, Norm.INSTANCE, Upsampling.TRANSPOSED, 0.5, false, rng);
        generator.initialise(Initialisation.PAPER, rng);
        Layer discriminator = PatchDiscriminator.of(2, 64, 2, Norm.INSTANCE, rng);
        pix2pix = new Pix2Pix(generator, discriminator, new Adam(generator.parameters(), 2e-4, 0.5, 0.999),
                new Adam(discriminator.parameters(), 2e-4, 0.5, 0.999), Objective.VANILLA, Pix2Pix.LAMBDA_L1);
        input = Tensor.rand(rng, 16, 1, 32, 32).mul(2).sub(1);
        target = Tensor.rand(rng, 16, 1, 32, 32).mul(2).sub(1);
    }

    @Benchmark
    public double step() {
        try (Memory.Scope scope = Memory.scope()) { // as the trainers do: the step's memory goes back when it ends
            return pix2pix.step(input, target).l1();
        }
    }
}
