package dev.masquerade.nn.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Fashion-MNIST (Xiao et al. 2017): 28×28 grey images of 10 kinds of clothing, 60,000 for
 * training and 10,000 for testing. Debian's {@code dataset-fashion-mnist} installs the IDX
 * files under {@value #DEFAULT_DIRECTORY}. Pixels are scaled to [0, 1].
 */
public final class FashionMnist {
    /** Where Debian's package puts the files. */
    public static final String DEFAULT_DIRECTORY = "/usr/share/datasets/fashion-mnist";
    /** The ten class names, by label. */
    public static final String[] CLASSES = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
        "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"};

    private FashionMnist() {
    }

    /** The training split (60,000 images). */
    public static ArrayDataset train(Path directory) throws IOException {
        return load(directory, "train");
    }

    /** The test split (10,000 images). */
    public static ArrayDataset test(Path directory) throws IOException {
        return load(directory, "t10k");
    }

    private static ArrayDataset load(Path directory, String split) throws IOException {
        Path images = find(directory, split + "-images-idx3-ubyte");
        Path labels = find(directory, split + "-labels-idx1-ubyte");
        Idx.Array x = Idx.read(images);
        Idx.Array y = Idx.read(labels);
        if (x.shape().length != 3 || x.shape()[1] != 28 || x.shape()[2] != 28 || x.shape()[0] < 1) {
            throw new IOException(images + " holds images of shape " + java.util.Arrays.toString(x.shape())
                    + ", not Fashion-MNIST's [N, 28, 28] with N at least 1; is it another data set's file?");
        }
        if (y.shape().length != 1 || x.shape()[0] != y.shape()[0]) {
            throw new IOException("Fashion-MNIST in " + directory + " is inconsistent: images " + java.util.Arrays.toString(x.shape())
                    + ", labels " + java.util.Arrays.toString(y.shape()));
        }
        float[] pixels = new float[x.data().length];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = x.unsigned(i) / 255f;
        }
        int[] classes = new int[y.data().length];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = y.unsigned(i);
            if (classes[i] >= CLASSES.length) {
                throw new IOException(labels + " is not Fashion-MNIST's: label " + i + " is " + classes[i] + ", and its classes are 0 to "
                        + (CLASSES.length - 1));
            }
        }
        return new ArrayDataset(pixels, new int[] {1, x.shape()[1], x.shape()[2]}, classes);
    }

    /**
     * A SHA-256 of the training split's contents (images and labels, unpacked, so that the
     * gzipped and the plain files agree): what a model trained on this copy of the data is
     * keyed by, so that it is never reused for other data.
     */
    public static String fingerprint(Path directory) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String name : new String[] {"train-images-idx3-ubyte", "train-labels-idx1-ubyte"}) {
                digest.update(Idx.read(find(directory, name)).data());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    /** The file, gzipped or not. */
    private static Path find(Path directory, String name) throws IOException {
        for (String candidate : new String[] {name + ".gz", name}) {
            Path file = directory.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new IOException("Fashion-MNIST is not in " + directory + " (no " + name + "[.gz]). Install it with "
                + "'sudo apt-get install dataset-fashion-mnist', or pass the folder that holds the IDX files with --data DIR");
    }
}
