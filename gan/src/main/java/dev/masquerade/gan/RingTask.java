package dev.masquerade.gan;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.gan.models.RingMlp;
import dev.masquerade.gan.ring.Ring;
import dev.masquerade.nn.Layer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The MLP GAN on the ring of 8 Gaussians. The data is endless, so an "epoch" is a fixed
 * number of real batches, after which the modes are counted and real and generated points
 * drawn: mode collapse is visible as red points piling onto a few of the grey clusters.
 */
public final class RingTask implements GanTask {
    /** Generated points per evaluation. */
    public static final int SAMPLES = 2000;
    /** Real batches between two pictures and coverage counts. */
    public static final int BATCHES_PER_EPOCH = 500;
    /** Epochs of the default run. */
    public static final int EPOCHS = 6;
    private final int batchesPerEpoch;

    public RingTask(int batchesPerEpoch) {
        this.batchesPerEpoch = batchesPerEpoch;
    }

    /** The default training of {@code masquerade gan train --dataset ring}: batch 256, Adam lr 1e-3, β₁ 0.5, k = 1. */
    public static GanOptions options(GanLoss loss, long seed, boolean progress) {
        return GanOptions.builder().loss(loss).epochs(EPOCHS).batchSize(256).learningRate(1e-3).seed(seed).progress(progress).build();
    }

    @Override
    public GanModel model() {
        return GanModel.RING;
    }

    @Override
    public int batchesPerEpoch(int batchSize) {
        return batchesPerEpoch;
    }

    @Override
    public Supplier<Tensor> realBatches(int batchSize, Rng rng) {
        return () -> Ring.sample(rng, batchSize);
    }

    @Override
    public Map<String, Object> baselines(Layer untrained, Rng rng) {
        return Map.of("modes", Ring.MODES);
    }

    @Override
    public Evaluation evaluate(Layer generator, Rng rng) {
        Ring.Coverage coverage = Ring.coverage(GanRun.sample(generator, Tensor.randn(rng, SAMPLES, RingMlp.NOISE)));
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("modes_covered", coverage.modesCovered());
        metrics.put("near_fraction", coverage.nearFraction());
        metrics.put("points_per_mode", coverage.perMode());
        return new Evaluation(metrics, coverage.modesCovered(), Ring.MODES);
    }
}
