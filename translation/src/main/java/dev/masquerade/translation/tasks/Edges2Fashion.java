package dev.masquerade.translation.tasks;

import dev.masquerade.engine.NoGrad;
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
import java.util.stream.IntStream;

/**
 * Edges → objects on Fashion-MNIST, a 28×28 cousin of pix2pix's edges2shoes: A is the item's
 * edge map (where the Sobel gradient's length exceeds {@value #THRESHOLD}, white on black), B
 * the item. Many items share an outline and differ in shading and texture, so the right answer
 * is uncertain and the L1 loss alone paints their blurry median. Judged on held-out test items
 * by the Fashion-MNIST classifier: the Fréchet distance of the outputs from the real test items
 * (beside the distance of as many real training items, the floor), the classes covered, and
 * PSNR/SSIM/L1 to the true item. Tutorial: tutorials/24-conditional-gans.md.
 */
public final class Edges2Fashion extends DescribedTask {
    /** The Sobel gradient length above which a pixel is an edge (items in [0, 1]; a full step gives 4). */
    public static final double THRESHOLD = 0.5;
    private final ArrayDataset train;
    private final ArrayDataset test;
    private final FashionJudge judge;
    private final int heldOut;
    private final int[] everything;
    private final FrechetDistance.Gaussian reference;

    /** @param heldOut how many test items to translate and judge (the first ones) */
    public Edges2Fashion(ArrayDataset train, ArrayDataset test, FashionJudge judge, int heldOut) {
        super("edges2fashion", 1, FashionPictures.SIZE, true, new Architecture(5, 2, 32, 6, 16, false));
        this.train = train;
        this.test = test;
        this.judge = judge;
        this.heldOut = Math.min(heldOut, test.size());
        this.everything = FashionPictures.ofClass(train, -1);
        this.reference = FrechetDistance.Gaussian.fit(judge.judge(test, test.size()).features());
    }

    /** The edge maps [N, 1, H, W] in [−1, 1] of framed items in [−1, 1]. */
    public static Tensor edges(Tensor items) {
        try (var scope = NoGrad.enter()) {
            Tensor unit = items.add(1).mul(0.5);
            Tensor kernels = Tensor.of(new double[] {-1, 0, 1, -2, 0, 2, -1, 0, 1, -1, -2, -1, 0, 0, 0, 1, 2, 1},
                    unit.dtype(), unit.device(), 2, 1, 3, 3);
            Tensor gradients = unit.conv2d(kernels, null, 1, 1, 1);
            Tensor length = gradients.pow(2).sum(new int[] {1}, true).sqrt();
            return length.gt(unit.scalarLike(THRESHOLD)).mul(2).sub(1);
        }
    }

    @Override
    public Supplier<Batch> batches(int batchSize, boolean paired, Rng rng) {
        return () -> {
            Tensor items = FashionPictures.items(train, FashionPictures.draw(everything, batchSize, rng));
            Tensor b = paired ? items : FashionPictures.items(train, FashionPictures.draw(everything, batchSize, rng));
            return new Batch(edges(items), b);
        };
    }

    @Override
    public Batch previews() {
        int[] first = IntStream.range(0, 8).toArray();
        Tensor items = FashionPictures.items(test, first);
        return new Batch(edges(items), items);
    }

    @Override
    public Batch heldOut() {
        Tensor items = heldOutItems();
        return new Batch(edges(items), items);
    }

    @Override
    public Map<String, Object> evaluate(UnaryOperator<Tensor> forward, UnaryOperator<Tensor> backward) {
        Tensor truths = heldOutItems();
        Tensor outputs = FashionPictures.translate(forward, edges(truths));
        Map<String, Object> metrics = figures(outputs);
        if (backward != null) {
            Tensor edgesBack = FashionPictures.translate(backward, outputs);
            metrics.put("cycle_ssim", PictureMetrics.compare(edgesBack.add(1).mul(0.5), edges(truths).add(1).mul(0.5), "").get("ssim"));
        }
        return metrics;
    }

    /** The held-out test items, framed. */
    Tensor heldOutItems() {
        return FashionPictures.items(test, IntStream.range(0, heldOut).toArray());
    }

    /** The figures of outputs [heldOut, 1, 32, 32] in [−1, 1] for the held-out items' edges. */
    Map<String, Object> figures(Tensor outputs) {
        Tensor items = FashionPictures.unframed(outputs);
        FashionJudge.Judgement judgement = judge.judge(items);
        Map<String, Object> metrics = new LinkedHashMap<>(PictureMetrics.compare(items, FashionPictures.unframed(heldOutItems()), ""));
        metrics.put("fd", FrechetDistance.between(FrechetDistance.Gaussian.fit(judgement.features()), reference));
        metrics.put("fd_floor", FashionPictures.frechet(judge, FashionPictures.unframed(FashionPictures.items(train,
                Arrays.copyOf(everything, heldOut))), reference));
        metrics.put("class_coverage", judgement.coverage());
        int agree = 0;
        for (int i = 0; i < heldOut; i++) {
            agree += judgement.classes()[i] == test.label(i) ? 1 : 0;
        }
        metrics.put("same_class", (double) agree / heldOut);
        return metrics;
    }
}
