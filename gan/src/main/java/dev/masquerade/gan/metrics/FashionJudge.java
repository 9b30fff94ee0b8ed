package dev.masquerade.gan.metrics;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.classify.FashionClassifier;
import dev.masquerade.nn.data.ArrayDataset;
import dev.masquerade.nn.data.FashionMnist;
import dev.masquerade.nn.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Judges generated Fashion-MNIST images with a trained classifier: its 128 penultimate
 * activations are the features of the Fréchet distance, its predicted classes give the class
 * coverage. A generator that collapses onto a few kinds of garment keeps a good-looking
 * sample grid for a while, but its coverage drops and its distance rises.
 */
public final class FashionJudge {
    /**
     * Classifier training when none is cached: the three epochs of {@code masquerade classify}
     * (90.6% test accuracy). Two epochs (88.6%) gave a judge that called only 6% of the real
     * test images shirts, where 10% are, and so under-counted a generator's shirts too.
     */
    public static final int CLASSIFIER_EPOCHS = 3;
    /** The file beside the classifier that names the data it was trained on ({@link FashionMnist#fingerprint}). */
    public static final String TRAINED_ON = "trained-on.sha256";
    /** A class counts as covered when it receives at least this fraction of the samples. */
    public static final double COVERED_SHARE = 0.05;
    /** Where a trained classifier is kept between runs. */
    public static final Path DEFAULT_FOLDER = Path.of(System.getProperty("user.home"), ".cache", "masquerade",
            "fashion-classifier-" + CLASSIFIER_EPOCHS + "-epochs");
    private static final int BATCH = 500;

    private final FashionClassifier classifier;
    /** Where the classifier's weights are, and so where the images are judged. */
    private final Device device;

    public FashionJudge(FashionClassifier classifier) {
        this.classifier = classifier;
        this.device = classifier.model().parameters().get(0).value().device();
        classifier.model().eval();
    }

    /**
     * The classifier saved in {@code folder} when it was trained on this {@code dataset} (its
     * {@value #TRAINED_ON} says so), else one trained now on it and saved there for the next run:
     * a judge is never reused for data it did not learn.
     */
    public static FashionJudge loadOrTrain(Path folder, Path dataset, boolean progress) throws IOException {
        String data = FashionMnist.fingerprint(dataset);
        Path stamp = folder.resolve(TRAINED_ON);
        boolean cached = Files.exists(folder.resolve(FashionClassifier.CHECKPOINT));
        String training = "training one (" + CLASSIFIER_EPOCHS + " epochs, about a minute each); it is kept for later runs.";
        if (cached && !(Files.exists(stamp) && Files.readString(stamp).trim().equals(data))) {
            System.err.println("The Fashion-MNIST classifier in " + folder + " was trained on other data than " + dataset
                    + " (or its data was not recorded): " + training);
            cached = false;
        } else if (!cached) {
            refuseAnythingButAClassifierFolder(folder);
            System.err.println("No Fashion-MNIST classifier in " + folder + " to judge samples with: " + training);
        }
        if (!cached) {
            FashionClassifier.Options options = FashionClassifier.Options.defaults(CLASSIFIER_EPOCHS);
            FashionClassifier.train(FashionMnist.train(dataset), FashionMnist.test(dataset),
                    new FashionClassifier.Options(options.epochs(), options.batchSize(), options.learningRate(), options.seed(), progress,
                            Device.CPU), folder);
            AtomicFiles.write(stamp, data + "\n");
        }
        return new FashionJudge(FashionClassifier.load(folder));
    }

    /** A folder about to receive a classifier must not be a file, nor hold another run, whose logs the training would replace. */
    private static void refuseAnythingButAClassifierFolder(Path folder) throws IOException {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IOException("--classifier " + folder + " is a file; name a folder for the judge's classifier");
        }
        for (String mark : new String[] {"checkpoint.json", "train-images-idx3-ubyte.gz", "train-images-idx3-ubyte"}) {
            if (Files.exists(folder.resolve(mark))) {
                throw new IOException("--classifier " + folder + " holds something else (its " + mark + "), not a classifier; name a new"
                        + " folder for the judge, or leave --classifier out to use the cached one");
            }
        }
    }

    /** Features and predicted classes of images. */
    public record Judgement(double[][] features, int[] classes) {
        /** How many samples fell into each of the 10 classes. */
        public int[] histogram() {
            int[] counts = new int[FashionMnist.CLASSES.length];
            for (int c : classes) {
                counts[c]++;
            }
            return counts;
        }

        /** The classes that received at least {@value #COVERED_SHARE} of the samples. */
        public int coverage() {
            int covered = 0;
            for (int count : histogram()) {
                covered += count >= COVERED_SHARE * classes.length ? 1 : 0;
            }
            return covered;
        }
    }

    /** Judges images [N, 1, 28, 28] with pixels in [0, 1]. */
    public Judgement judge(Tensor images) {
        int n = images.size(0);
        double[][] features = new double[n][];
        int[] classes = new int[n];
        try (var scope = NoGrad.enter()) {
            for (int start = 0; start < n; start += BATCH) {
                int count = Math.min(BATCH, n - start);
                Tensor batch = images.narrow(0, start, count).to(device);
                double[] f = classifier.features(batch).toDoubleArray();
                float[] logits = classifier.logits(batch).toFloatArray();
                int width = FashionClassifier.FEATURES;
                for (int i = 0; i < count; i++) {
                    features[start + i] = java.util.Arrays.copyOfRange(f, i * width, (i + 1) * width);
                    classes[start + i] = argmax(logits, i * 10, 10);
                }
            }
        }
        return new Judgement(features, classes);
    }

    /** Judges a dataset's first n images. */
    public Judgement judge(ArrayDataset data, int n) {
        int[] first = java.util.stream.IntStream.range(0, Math.min(n, data.size())).toArray();
        return judge(data.batch(first, Device.CPU).features());
    }

    private static int argmax(float[] values, int from, int length) {
        int best = 0;
        for (int i = 1; i < length; i++) {
            if (values[from + i] > values[from + best]) {
                best = i;
            }
        }
        return best;
    }
}
