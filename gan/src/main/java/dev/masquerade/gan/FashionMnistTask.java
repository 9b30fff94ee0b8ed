package dev.masquerade.gan;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import dev.masquerade.gan.metrics.FashionJudge;
import dev.masquerade.gan.metrics.FrechetDistance;
import dev.masquerade.gan.models.Dcgan28;
import dev.masquerade.nn.Layer;
import dev.masquerade.nn.data.ArrayDataset;
import dev.masquerade.nn.data.DataLoader;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * DCGAN-28 on Fashion-MNIST, judged by a classifier: {@code fd} is the Fréchet distance of
 * generated images to the test set, read between {@code fd_floor} (real training images
 * against the test set: what a perfect generator would score with as many samples) and
 * {@code fd_ceiling} (an untrained generator); {@code class_coverage} counts the classes
 * that receive at least 5% of the samples.
 */
public final class FashionMnistTask implements GanTask {
    private final ArrayDataset train;
    private final FashionJudge judge;
    private final int samples;
    private final FrechetDistance.Gaussian test;

    /**
     * @param samples generated (and real training) images per Fréchet distance; the test set is used whole
     */
    public FashionMnistTask(ArrayDataset train, ArrayDataset test, FashionJudge judge, int samples) {
        this.train = train;
        this.judge = judge;
        this.samples = samples;
        this.test = FrechetDistance.Gaussian.fit(judge.judge(test, test.size()).features());
    }

    @Override
    public GanModel model() {
        return GanModel.FASHION_MNIST;
    }

    @Override
    public int batchesPerEpoch(int batchSize) {
        return train.size() / batchSize;
    }

    /** Shuffled batches, epoch after epoch, with pixels moved from [0, 1] to the generator's [−1, 1]. */
    @Override
    public Supplier<Tensor> realBatches(int batchSize, Rng rng) {
        DataLoader loader = new DataLoader(train, batchSize, true, true, rng, Device.defaultDevice()); // where the networks are
        return new Supplier<>() {
            private Iterator<ArrayDataset.Batch> epoch = loader.epoch().iterator();

            @Override
            public Tensor get() {
                if (!epoch.hasNext()) {
                    epoch = loader.epoch().iterator();
                }
                return epoch.next().features().mul(2).sub(1);
            }
        };
    }

    @Override
    public Map<String, Object> baselines(Layer untrained, Rng rng) {
        Map<String, Object> baselines = new LinkedHashMap<>();
        baselines.put("fd_floor", FrechetDistance.between(FrechetDistance.Gaussian.fit(judge.judge(train, samples).features()), test));
        baselines.put("fd_ceiling", FrechetDistance.between(FrechetDistance.Gaussian.fit(judge.judge(generate(untrained, rng)).features()), test));
        return baselines;
    }

    @Override
    public Evaluation evaluate(Layer generator, Rng rng) {
        return score(generate(generator, rng));
    }

    /**
     * The judge's verdict on any images [N, 1, 28, 28] in [0, 1] (at least two): our samples,
     * PyTorch's, or real ones; the same numbers a run logs.
     */
    public Evaluation score(Tensor images) {
        if (images.rank() != 4 || images.size(1) != 1 || images.size(2) != 28 || images.size(3) != 28 || images.size(0) < 2) {
            throw new IllegalArgumentException("the judge scores at least two 28x28 grey images [N, 1, 28, 28], got "
                    + dev.masquerade.engine.array.Shape.str(images.shape()));
        }
        FashionJudge.Judgement judgement = judge.judge(images);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("fd", FrechetDistance.between(FrechetDistance.Gaussian.fit(judgement.features()), test));
        metrics.put("class_coverage", judgement.coverage());
        metrics.put("class_histogram", judgement.histogram());
        return new Evaluation(metrics, judgement.coverage(), 10);
    }

    /** {@code samples} images in [0, 1] from fresh noise. */
    private Tensor generate(Layer generator, Rng rng) {
        return toUnit(GanRun.sample(generator, Tensor.randn(rng, samples, Dcgan28.NOISE)));
    }

    private static Tensor toUnit(Tensor images) {
        return images.add(1).mul(0.5);
    }
}
