package dev.masquerade.translation.tasks;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.gan.metrics.FashionJudge;
import dev.masquerade.gan.metrics.FrechetDistance;
import dev.masquerade.nn.data.ArrayDataset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Two Fashion-MNIST classes as two unpaired domains: A the sneakers, B the sandals. No sneaker
 * has "its" sandal, so only CycleGAN can learn this. Judged on the held-out test sneakers by the
 * Fashion-MNIST classifier: the share of translated sneakers it calls sandals (beside the share
 * of untranslated ones, the baseline), the Fréchet distance of the translations from the test
 * sandals (beside that of as many real training sandals, the floor), and how well the cycle
 * F(G(a)) gives the sneaker back (SSIM). Tutorial: tutorials/25-cycle-consistency.md.
 */
public final class Sneakers2Sandals extends DescribedTask {
    static final int SNEAKER = 7;
    static final int SANDAL = 5;
    private final ArrayDataset train;
    private final FashionJudge judge;
    private final int[] trainSneakers;
    private final int[] trainSandals;
    private final Tensor testSneakers;
    private final Tensor testSandals;
    private final FrechetDistance.Gaussian sandals;

    /** @param heldOut how many test sneakers (and sandals) to translate and judge, at most 1,000 of each */
    public Sneakers2Sandals(ArrayDataset train, ArrayDataset test, FashionJudge judge, int heldOut) {
        super("sneakers2sandals", 1, FashionPictures.SIZE, false, new Architecture(5, 2, 16, 3, 8, false));
        this.train = train;
        this.judge = judge;
        this.trainSneakers = FashionPictures.ofClass(train, SNEAKER);
        this.trainSandals = FashionPictures.ofClass(train, SANDAL);
        int[] sneakers = FashionPictures.ofClass(test, SNEAKER), sandalPositions = FashionPictures.ofClass(test, SANDAL);
        this.testSneakers = FashionPictures.items(test, Arrays.copyOf(sneakers, Math.min(heldOut, sneakers.length)));
        this.testSandals = FashionPictures.items(test, Arrays.copyOf(sandalPositions, Math.min(heldOut, sandalPositions.length)));
        this.sandals = FrechetDistance.Gaussian.fit(judge.judge(FashionPictures.unframed(FashionPictures.items(test, sandalPositions)))
                .features());
    }

    @Override
    public Supplier<Batch> batches(int batchSize, boolean paired, Rng rng) {
        if (paired) {
            throw new IllegalArgumentException("sneakers2sandals has no pairs (no sneaker has its sandal): train it with --model cyclegan");
        }
        return () -> new Batch(FashionPictures.items(train, FashionPictures.draw(trainSneakers, batchSize, rng)),
                FashionPictures.items(train, FashionPictures.draw(trainSandals, batchSize, rng)));
    }

    @Override
    public Batch previews() {
        Batch all = heldOut();
        int n = Math.min(8, all.a().size(0));
        return new Batch(all.a().narrow(0, 0, n), all.b().narrow(0, 0, n));
    }

    @Override
    public Batch heldOut() {
        int n = Math.min(testSneakers.size(0), testSandals.size(0));
        return new Batch(testSneakers.narrow(0, 0, n), testSandals.narrow(0, 0, n));
    }

    @Override
    public Map<String, Object> evaluate(UnaryOperator<Tensor> forward, UnaryOperator<Tensor> backward) {
        Tensor translated = FashionPictures.translate(forward, testSneakers);
        FashionJudge.Judgement judgement = judge.judge(FashionPictures.unframed(translated));
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("translated_as_target", shareOf(judgement, SANDAL));
        metrics.put("baseline_translated_as_target", shareOf(judge.judge(FashionPictures.unframed(testSneakers)), SANDAL));
        metrics.put("fd", FrechetDistance.between(FrechetDistance.Gaussian.fit(judgement.features()), sandals));
        metrics.put("fd_floor", FashionPictures.frechet(judge, FashionPictures.unframed(FashionPictures.items(train,
                Arrays.copyOf(trainSandals, testSneakers.size(0)))), sandals));
        if (backward != null) {
            Tensor cycled = FashionPictures.translate(backward, translated);
            metrics.put("cycle_ssim", PictureMetrics.compare(FashionPictures.unframed(cycled), FashionPictures.unframed(testSneakers), "")
                    .get("ssim"));
            metrics.put("back_translated_as_source", shareOf(judge.judge(FashionPictures.unframed(
                    FashionPictures.translate(backward, testSandals))), SNEAKER));
        }
        return metrics;
    }

    private static double shareOf(FashionJudge.Judgement judgement, int label) {
        return (double) Arrays.stream(judgement.classes()).filter(c -> c == label).count() / judgement.classes().length;
    }
}
