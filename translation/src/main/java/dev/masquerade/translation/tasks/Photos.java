package dev.masquerade.translation.tasks;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.data.ImageFolder;
import dev.masquerade.nn.io.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Colour pictures for the photo tasks: read as [1, 3, H, W] in [−1, 1] on the CPU, cut to sides
 * a generator accepts, and cut into random aligned training crops (with a random left-right
 * flip, the same for both pictures of a pair).
 */
final class Photos {
    /** The script that fetches the packaged pictures, for the error when they are missing. */
    static final String FETCH = "scripts/fetch-translation-pictures.sh";

    private Photos() {
    }

    /** A picture file as [1, 3, H, W] in [−1, 1] (size×size when size > 0). */
    static Tensor read(Path file, int size) throws IOException {
        return Images.read(file, 3, size).unsqueeze(0).mul(2).sub(1);
    }

    /** The centre of a picture with both sides cut down to multiples of {@code multiple}. */
    static Tensor cut(Tensor picture, int multiple) {
        int h = picture.size(2) / multiple * multiple, w = picture.size(3) / multiple * multiple;
        if (h == 0 || w == 0) {
            throw new IllegalArgumentException("a picture of " + picture.size(3) + "x" + picture.size(2) + " pixels is smaller than "
                    + multiple + "x" + multiple + ", the least this generator takes");
        }
        return picture.narrow(2, (picture.size(2) - h) / 2, h).narrow(3, (picture.size(3) - w) / 2, w).contiguous();
    }

    /** The picture mirrored left to right. */
    static Tensor flip(Tensor picture) {
        int w = picture.size(3);
        return picture.indexSelect(3, Tensor.of(IntStream.range(0, w).map(i -> w - 1 - i).asDoubleStream().toArray(), DType.I32,
                picture.device(), w));
    }

    /**
     * A batch of random size×size crops: from pair i, the same window of as[i] and bs[i] when
     * {@code paired}, else windows of independently drawn pictures; on the default device.
     */
    static TranslationTask.Batch crops(List<Tensor> as, List<Tensor> bs, int batchSize, int size, boolean paired, Rng rng) {
        List<Tensor> a = new ArrayList<>(), b = new ArrayList<>();
        for (int n = 0; n < batchSize; n++) {
            int i = rng.nextInt(as.size());
            int[] window = window(as.get(i), size, rng);
            boolean flipped = rng.uniform() < 0.5;
            a.add(crop(as.get(i), window, size, flipped));
            if (paired) {
                b.add(crop(bs.get(i), window, size, flipped));
            } else {
                Tensor other = bs.get(rng.nextInt(bs.size()));
                b.add(crop(other, window(other, size, rng), size, rng.uniform() < 0.5));
            }
        }
        return new TranslationTask.Batch(Tensor.concat(a, 0).to(Device.defaultDevice()), Tensor.concat(b, 0).to(Device.defaultDevice()));
    }

    /**
     * Every whole size×size tile of each picture of {@code as}, left to right and top to bottom,
     * with the same tile of the picture at the same index of {@code bs}: enough held-out pictures
     * for a detector's AUC from a few photos.
     */
    static TranslationTask.Batch tiles(List<Tensor> as, List<Tensor> bs, int size) {
        List<Tensor> a = new ArrayList<>(), b = new ArrayList<>();
        for (int i = 0; i < as.size(); i++) {
            for (int y = 0; y + size <= as.get(i).size(2); y += size) {
                for (int x = 0; x + size <= as.get(i).size(3); x += size) {
                    a.add(crop(as.get(i), new int[] {y, x}, size, false));
                    b.add(crop(bs.get(i), new int[] {y, x}, size, false));
                }
            }
        }
        return new TranslationTask.Batch(Tensor.concat(a, 0).to(Device.defaultDevice()), Tensor.concat(b, 0).to(Device.defaultDevice()));
    }

    private static int[] window(Tensor picture, int size, Rng rng) {
        return new int[] {rng.nextInt(picture.size(2) - size + 1), rng.nextInt(picture.size(3) - size + 1)};
    }

    private static Tensor crop(Tensor picture, int[] window, int size, boolean flipped) {
        Tensor crop = picture.narrow(2, window[0], size).narrow(3, window[1], size);
        return flipped ? flip(crop) : crop.contiguous();
    }

    /** The pictures (PNG, JPEG, WebP) in a folder, sorted by name, or the error that says how to fetch them. */
    static List<Path> files(Path folder, String task) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(task + " needs its pictures in " + folder + ", which " + (Files.exists(folder) ? "is a file" : "does not exist")
                    + ": run " + FETCH + " (it downloads Debian's gnome-backgrounds, python3-skimage and opencv-doc with apt-get download"
                    + " and unpacks them; nothing is installed), or pass --pictures DIR");
        }
        return ImageFolder.files(folder);
    }
}
