package dev.masquerade.translation;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.translation.tasks.DescribedTask;
import dev.masquerade.translation.tasks.PictureMetrics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** A task for tests: 16×16 grey noise pictures, and their negatives as the truths. */
final class TinyTask extends DescribedTask {
    TinyTask(boolean paired) {
        super(paired ? "tiny" : "tiny-unpaired", 1, 16, paired, new Architecture(2, 1, 4, 1, 2, false));
    }

    @Override
    public Supplier<Batch> batches(int batchSize, boolean pairs, Rng rng) {
        return () -> {
            Tensor a = Tensor.randn(rng, batchSize, 1, 16, 16).tanh();
            return new Batch(a, pairs ? a.neg() : Tensor.randn(rng, batchSize, 1, 16, 16).tanh());
        };
    }

    @Override
    public Batch previews() {
        Tensor a = Tensor.randn(new Rng(5), 3, 1, 16, 16).tanh();
        return new Batch(a, a.neg());
    }

    @Override
    public Map<String, Object> evaluate(UnaryOperator<Tensor> forward, UnaryOperator<Tensor> backward) {
        Batch held = previews();
        Map<String, Object> metrics = new LinkedHashMap<>(PictureMetrics.compare(forward.apply(held.a()).add(1).mul(0.5),
                held.b().add(1).mul(0.5), ""));
        if (backward != null) {
            metrics.put("cycle_ssim", PictureMetrics.compare(backward.apply(forward.apply(held.a())).add(1).mul(0.5), held.a().add(1).mul(0.5),
                    "").get("ssim"));
        }
        return metrics;
    }
}
