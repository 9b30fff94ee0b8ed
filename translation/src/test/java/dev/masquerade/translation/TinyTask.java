package dev.masquerade.translation;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.translation.tasks.PictureMetrics;
import dev.masquerade.translation.tasks.TranslationTask;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** A task for tests: 16×16 grey noise pictures, and their negatives as the truths. */
final class TinyTask implements TranslationTask {
    private final boolean paired;

    TinyTask(boolean paired) {
        this.paired = paired;
    }

    @Override
    public String cliName() {
        return paired ? "tiny" : "tiny-unpaired";
    }

    @Override
    public int channels() {
        return 1;
    }

    @Override
    public int size() {
        return 16;
    }

    @Override
    public boolean hasPairs() {
        return paired;
    }

    @Override
    public Architecture architecture() {
        return new Architecture(2, 1, 4, 1, 2);
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
