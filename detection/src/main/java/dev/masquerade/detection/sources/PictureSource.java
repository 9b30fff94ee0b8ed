package dev.masquerade.detection.sources;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.nn.io.Images;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.io.IOException;
import java.util.List;

/**
 * Where a detector's real or fake pictures come from: Fashion-MNIST, a folder of pictures, or
 * a run folder of this project whose model makes them. Each picture is [1 or 3, H, W] in
 * [0, 1], stored as 8-bit values: a generated picture is rounded to 1/255 steps, as it would
 * be in a PNG, so that a detector cannot tell fakes by their extra precision.
 */
public interface PictureSource {
    /** Up to {@code count} pictures of a split, the same ones on every call. */
    List<Tensor> pictures(Split split, int count) throws IOException;

    /** What the source is, for metrics.json and the figures: "fashion-mnist", or a folder's name. */
    String description();

    /** A picture file at its own size: [1, H, W] for a grey file, [3, H, W] for a colour one, in [0, 1]. */
    static Tensor read(Path file) throws IOException {
        BufferedImage image = Images.decode(file);
        return Images.fromImage(image, Images.isGrey(image) ? 1 : 3);
    }

    /** A picture rounded to the 256 levels of an 8-bit file. */
    static Tensor quantised(Tensor picture) {
        double[] values = picture.toDoubleArray();
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.round(Math.min(Math.max(values[i], 0), 1) * 255) / 255.0;
        }
        return Tensor.of(values, DType.F32, picture.shape());
    }
}
