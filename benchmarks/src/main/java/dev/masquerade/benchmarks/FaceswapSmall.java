package dev.masquerade.benchmarks;

import dev.masquerade.autoencoder.FaceSwapConfig;
import dev.masquerade.autoencoder.FaceSwapModel.Side;
import dev.masquerade.autoencoder.FaceSwapModel;
import dev.masquerade.engine.Memory;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.loss.Losses;
import dev.masquerade.nn.optim.Adam;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One training step of faceswap_small (../shared/anchors/MODELS.md): batches of 16 random
 * 64×64 faces for A and for B, loss = L1(decA(enc(xa)), xa) + L1(decB(enc(xb)), xb), one Adam
 * update (lr 5e-5, betas 0.5, 0.999) of all 20.5 M parameters. {@code -p device=opencl:0}
 * runs the whole step on an OpenCL device: only the loss value comes back each step.
 */
@State(Scope.Benchmark)
public class FaceswapSmall extends EngineBenchmark {
    @Param({"cpu"})
    public String device;
    private FaceSwapModel model;
    private Adam adam;
    private Tensor xa;
    private Tensor xb;

    @Setup
    public void setUp() {
        Rng rng = new Rng(0);
        Device on = Device.parse(device);
        model = new FaceSwapModel(FaceSwapConfig.SMALL, rng);
        model.to(on);
        adam = new Adam(model.parameters(), 5e-5, 0.5, 0.999);
        xa = Tensor.rand(rng, 16, 3, 64, 64).to(on);
        xb = Tensor.rand(rng, 16, 3, 64, 64).to(on);
    }

    @Benchmark
    public double step() {
        try (Memory.Scope scope = Memory.scope()) { // as the trainers do: the step's memory goes back when it ends
            return stepInScope();
        }
    }

    private double stepInScope() {
        adam.zeroGrad();
        Tensor loss = Losses.l1(model.decode(Side.A, model.encode(xa)).face(), xa)
                .add(Losses.l1(model.decode(Side.B, model.encode(xb)).face(), xb));
        loss.backward();
        adam.step();
        return loss.item();
    }
}
