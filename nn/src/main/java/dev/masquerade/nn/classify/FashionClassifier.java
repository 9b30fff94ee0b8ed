package dev.masquerade.nn.classify;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.Module;
import dev.masquerade.nn.Sequential;
import dev.masquerade.nn.data.ArrayDataset;
import dev.masquerade.nn.data.DataLoader;
import dev.masquerade.nn.io.Checkpoint;
import dev.masquerade.nn.layers.Activation;
import dev.masquerade.nn.layers.Conv2d;
import dev.masquerade.nn.layers.Linear;
import dev.masquerade.nn.layers.MaxPool2d;
import dev.masquerade.nn.layers.Reshape;
import dev.masquerade.nn.loss.Losses;
import dev.masquerade.nn.optim.Adam;
import dev.masquerade.nn.optim.LearningRates;
import dev.masquerade.nn.train.TrainingLog;
import dev.masquerade.nn.train.TrainingLoop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small CNN for 28×28 grey images in 10 classes, and its training: the engine's first real
 * job. Two convolution blocks (3×3 conv, relu, 2×2 max pool) extract features, two linear
 * layers classify them; Adam minimises the softmax cross-entropy.
 */
public final class FashionClassifier {
    /** Name of the checkpoint manifest in a run folder. */
    public static final String CHECKPOINT = "classifier.json";
    /** Width of the feature vector {@link #features} returns. */
    public static final int FEATURES = 128;

    private final Sequential model;

    /** A freshly initialised classifier. */
    public FashionClassifier(Rng rng) {
        // BEGIN SOLUTION task-4.5: the network, ten layers: two blocks of a 3x3 convolution (32, then 64 filters, padding 1), relu and 2x2 max pooling, then flatten, a Linear layer to FEATURES with relu, and a Linear layer to the 10 classes (see tutorials/04-convolution.md)
        this.model = new Sequential(
                new Conv2d(1, 32, 3, 1, 1, rng), Activation.relu(), new MaxPool2d(2, 2),
                new Conv2d(32, 64, 3, 1, 1, rng), Activation.relu(), new MaxPool2d(2, 2),
                Reshape.flatten(), new Linear(64 * 7 * 7, FEATURES, rng), Activation.relu(),
                new Linear(FEATURES, 10, rng));
        // END SOLUTION
    }

    /** A classifier restored from a run folder (or manifest) that {@link #train} wrote. */
    public static FashionClassifier load(Path runFolderOrManifest) throws IOException {
        Path manifest = runFolderOrManifest.toString().endsWith(".json") ? runFolderOrManifest : runFolderOrManifest.resolve(CHECKPOINT);
        FashionClassifier classifier = new FashionClassifier(new Rng(0));
        Checkpoint.loadInto(manifest, classifier.model, Map.of());
        return classifier;
    }

    /** The network. */
    public Module model() {
        return model;
    }

    /** Class scores (logits) [N, 10] for images [N, 1, 28, 28] in [0, 1]. */
    public Tensor logits(Tensor images) {
        return model.forward(images);
    }

    /** The 128 activations before the last layer: a learned description of each image, for judging generated images. */
    public Tensor features(Tensor images) {
        Tensor x = images;
        for (int i = 0; i < 9; i++) { // every layer but the final Linear
            x = model.layer(i).forward(x);
        }
        return x;
    }

    /** Fraction of the dataset classified correctly, in evaluation mode. */
    public double accuracy(ArrayDataset data, Device device) {
        int correct = 0;
        try (var scope = NoGrad.enter(); var evaluating = model.evaluating()) {
            DataLoader loader = new DataLoader(data, 500, false, false, new Rng(0), device);
            for (ArrayDataset.Batch batch : loader.epoch()) {
                float[] scores = logits(batch.features()).toFloatArray();
                double[] labels = batch.labels().toDoubleArray();
                for (int i = 0; i < labels.length; i++) {
                    int best = 0;
                    for (int c = 1; c < 10; c++) {
                        if (scores[i * 10 + c] > scores[i * 10 + best]) {
                            best = c;
                        }
                    }
                    correct += best == (int) labels[i] ? 1 : 0;
                }
            }
        }
        return (double) correct / data.size();
    }

    /** How to train. */
    public record Options(int epochs, int batchSize, double learningRate, long seed, boolean progress, Device device) {
        /** Checks the numbers. */
        public Options {
            if (epochs < 1 || batchSize < 1) {
                throw new IllegalArgumentException("--epochs and --batch-size must be at least 1, got " + epochs + " and " + batchSize);
            }
            LearningRates.requireUsable(learningRate, "this classifier's is 1e-3");
        }

        /** The defaults of {@code masquerade classify}: batch 64, Adam at 1e-3. */
        public static Options defaults(int epochs) {
            return new Options(epochs, 64, 1e-3, 42, true, Device.defaultDevice());
        }
    }

    /** What training produced. */
    public record Result(double testAccuracy, int epochs, double seconds, Path folder) {
    }

    /**
     * Trains on {@code train}, measures on {@code test} after every epoch, and writes the run
     * folder: metrics.jsonl, metrics.json (test_accuracy, epochs, seconds), loss_curve.png and
     * the checkpoint {@value #CHECKPOINT}.
     */
    public static Result train(ArrayDataset train, ArrayDataset test, Options options, Path folder) throws IOException {
        long start = System.nanoTime();
        Rng rng = new Rng(options.seed());
        FashionClassifier classifier = new FashionClassifier(rng.split());
        classifier.model.to(options.device());
        Adam adam = new Adam(classifier.model.parameters(), options.learningRate(), 0.9, 0.999);
        DataLoader loader = new DataLoader(train, options.batchSize(), true, false, rng.split(), options.device());
        double[] accuracy = {0};
        try (TrainingLog log = new TrainingLog(folder)) {
            TrainingLoop.epochs(options.epochs(), loader.batchesPerEpoch()).log(log).progress(options.progress())
                    .guard(classifier.model.parameters())
                    .afterEpoch(at -> {
                        accuracy[0] = classifier.accuracy(test, options.device());
                        log.epoch(at.epoch(), Map.of("test_accuracy", accuracy[0], "seconds", (System.nanoTime() - start) / 1e9));
                    })
                    .checkpoint(0, at -> {
                        Map<String, Object> config = new LinkedHashMap<>();
                        config.put("model", "FashionClassifier");
                        config.put("epochs_done", at.epoch());
                        Checkpoint.save(folder.resolve(CHECKPOINT), classifier.model, adam, config);
                    })
                    .run(TrainingLoop.overBatches(loader, adam, batch -> Losses.crossEntropy(classifier.logits(batch.features()), batch.labels())));
            log.writeLossCurve("Fashion-MNIST classifier: training loss", "loss_curve.png");
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("test_accuracy", accuracy[0]);
            summary.put("epochs", options.epochs());
            summary.put("seconds", seconds);
            summary.put("train_samples", train.size());
            summary.put("test_samples", test.size());
            summary.put("batch_size", options.batchSize());
            summary.put("learning_rate", options.learningRate());
            summary.put("seed", options.seed());
            summary.put("device", options.device().toString());
            summary.put("parameters", classifier.model.parameterCount());
            log.writeSummary(summary);
            return new Result(accuracy[0], options.epochs(), seconds, folder);
        }
    }
}
