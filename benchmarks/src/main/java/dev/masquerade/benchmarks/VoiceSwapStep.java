package dev.masquerade.benchmarks;

import dev.masquerade.engine.Memory;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.loss.Losses;
import dev.masquerade.nn.optim.Adam;
import dev.masquerade.voice.model.VoiceSwapConfig;
import dev.masquerade.voice.model.VoiceSwapModel;
import dev.masquerade.voice.signal.LogMelFeatures;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One training step of {@code masquerade voice train} at its defaults: 16 crops of 64 log-mel
 * frames (64 bands) per speaker, the shared encoder (width 128, a code of 2 channels at half the
 * frame rate) and one decoder per speaker, L1 reconstruction of each speaker through their own
 * decoder, backward, Adam lr 1e-3. Its PyTorch twin is benchmarks/voiceswap_torch.py.
 */
@State(Scope.Benchmark)
public class VoiceSwapStep extends EngineBenchmark {
    private VoiceSwapModel model;
    private Adam adam;
    private Tensor a;
    private Tensor b;

    @Setup
    public void setUp() {
        Rng rng = new Rng(0);
        model = new VoiceSwapModel(VoiceSwapConfig.DEFAULT, rng);
        adam = new Adam(model.parameters(), 1e-3, 0.9, 0.999);
        a = Tensor.randn(rng, 16, LogMelFeatures.MELS, 64);
        b = Tensor.randn(rng, 16, LogMelFeatures.MELS, 64);
    }

    @Benchmark
    public double step() {
        try (Memory.Scope scope = Memory.scope()) { // as the trainer's loop does: the step's memory goes back when it ends
            adam.zeroGrad();
            Tensor loss = Losses.l1(model.convert(VoiceSwapModel.Speaker.A, a), a).add(Losses.l1(model.convert(VoiceSwapModel.Speaker.B, b), b));
            loss.backward();
            adam.step();
            return loss.item();
        }
    }
}
