package dev.masquerade.gan;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.Layer;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a GAN learns to imitate and how its results are judged: the networks for the data,
 * the real batches, and the metrics. {@link GanRun} does the rest.
 */
public interface GanTask {
    /** The networks and how their samples are drawn. */
    GanModel model();

    /** Real batches in one epoch. */
    int batchesPerEpoch(int batchSize);

    /** An endless supply of real batches. */
    Supplier<Tensor> realBatches(int batchSize, Rng rng);

    /**
     * Reference numbers measured once before training, against which the run's metrics are
     * read (for Fashion-MNIST: fd_floor and fd_ceiling, the latter from {@code untrained}).
     */
    Map<String, Object> baselines(Layer untrained, Rng rng);

    /** The task's metrics for a generator, and its coverage (classes or modes with a fair share of samples). */
    record Evaluation(Map<String, Object> metrics, int covered, int of) {
    }

    /** Judges the generator on fresh samples. */
    Evaluation evaluate(Layer generator, Rng rng);
}
