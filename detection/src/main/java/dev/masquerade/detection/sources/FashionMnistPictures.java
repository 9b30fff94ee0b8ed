package dev.masquerade.detection.sources;

import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.data.ArrayDataset;
import dev.masquerade.nn.data.FashionMnist;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real Fashion-MNIST pictures [1, 28, 28]: training pictures from its training split, held-out ones from its test split. */
final class FashionMnistPictures implements PictureSource {
    private final Path directory;

    FashionMnistPictures(Path directory) {
        this.directory = directory;
    }

    @Override
    public List<Tensor> pictures(Split split, int count) throws IOException {
        ArrayDataset data = split == Split.TRAINING ? FashionMnist.train(directory) : FashionMnist.test(directory);
        Tensor all = data.batch(range(Math.min(count, data.size())), dev.masquerade.engine.array.Device.CPU).features();
        List<Tensor> pictures = new ArrayList<>();
        for (int i = 0; i < all.size(0); i++) {
            pictures.add(all.narrow(0, i, 1).reshape(1, 28, 28));
        }
        return pictures;
    }

    @Override
    public String description() {
        return "fashion-mnist";
    }

    private static int[] range(int n) {
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        return indices;
    }
}
