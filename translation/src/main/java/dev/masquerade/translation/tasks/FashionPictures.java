package dev.masquerade.translation.tasks;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import dev.masquerade.gan.metrics.FashionJudge;
import dev.masquerade.gan.metrics.FrechetDistance;
import dev.masquerade.nn.data.ArrayDataset;
import dev.masquerade.nn.data.FashionMnist;
import dev.masquerade.nn.io.Images;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * Fashion-MNIST items as translation pictures: 28×28 grey items with a 2-pixel black frame, so
 * that they are 32×32 and a U-Net can halve them five times, in [−1, 1]; and back, cropped to
 * 28×28 in [0, 1], for the classifier that judges them.
 */
final class FashionPictures {
    /** The side of a padded item. */
    static final int SIZE = 32;
    private static final int FRAME = (SIZE - 28) / 2;
    /** Items per batch when translating held-out pictures. */
    private static final int CHUNK = 250;

    private FashionPictures() {
    }

    /** Items [N, 1, 28, 28] in [0, 1] → [N, 1, 32, 32] in [−1, 1]. */
    static Tensor framed(Tensor items) {
        return items.pad(new int[] {FRAME, FRAME, FRAME, FRAME}, 0).mul(2).sub(1);
    }

    /** [N, 1, 32, 32] in [−1, 1] → the items [N, 1, 28, 28] in [0, 1]. */
    static Tensor unframed(Tensor pictures) {
        return pictures.narrow(2, FRAME, 28).narrow(3, FRAME, 28).add(1).mul(0.5).clamp(0, 1);
    }

    /** The positions of a class's items in a data set (all of them for class −1). */
    static int[] ofClass(ArrayDataset data, int label) {
        return IntStream.range(0, data.size()).filter(i -> label < 0 || data.label(i) == label).toArray();
    }

    /** Items at some positions, framed, on the default device. */
    static Tensor items(ArrayDataset data, int[] positions) {
        return framed(data.batch(positions, Device.defaultDevice()).features());
    }

    /** Random draws (with replacement) from the given positions. */
    static int[] draw(int[] from, int n, Rng rng) {
        int[] drawn = new int[n];
        for (int i = 0; i < n; i++) {
            drawn[i] = from[rng.nextInt(from.length)];
        }
        return drawn;
    }

    /** A translator applied to many pictures, a chunk at a time. */
    static Tensor translate(UnaryOperator<Tensor> translator, Tensor pictures) {
        List<Tensor> out = new ArrayList<>();
        try (var scope = NoGrad.enter()) {
            for (int start = 0; start < pictures.size(0); start += CHUNK) {
                out.add(translator.apply(pictures.narrow(0, start, Math.min(CHUNK, pictures.size(0) - start))));
            }
        }
        return Tensor.concat(out, 0);
    }

    /** The Fréchet distance of the judge's features of items [N, 1, 28, 28] in [0, 1] from a reference. */
    static double frechet(FashionJudge judge, Tensor items, FrechetDistance.Gaussian reference) {
        return FrechetDistance.between(FrechetDistance.Gaussian.fit(judge.judge(items).features()), reference);
    }

    /** A grey picture file as a framed item: resized to 28×28 (white on black, as Fashion-MNIST draws). */
    static Tensor read(Path picture) throws IOException {
        return framed(Images.read(picture, 1, 28).unsqueeze(0));
    }
}
