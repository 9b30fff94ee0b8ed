package dev.masquerade.detection.cnn;

import dev.masquerade.detection.Degradations;
import dev.masquerade.detection.Detector;
import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.Module;
import dev.masquerade.nn.Sequential;
import dev.masquerade.nn.io.Checkpoint;
import dev.masquerade.nn.io.Images;
import dev.masquerade.nn.layers.Activation;
import dev.masquerade.nn.layers.Conv2d;
import dev.masquerade.nn.layers.Linear;
import dev.masquerade.nn.loss.Losses;
import dev.masquerade.nn.optim.Adam;
import dev.masquerade.nn.train.TrainingLog;
import dev.masquerade.nn.train.TrainingLoop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small CNN that learns what sets fakes apart, where the spectral detector is told where to
 * look: a 3 × 3 convolution at full resolution (so the pixel-to-pixel patterns of upsampling
 * survive), two strided ones, the mean of each feature over the picture, and one logit. The
 * mean makes it blind to the picture's size. Trained on random crops; with augmentation, each
 * training picture is blurred (σ up to 3) with probability ½ and, independently,
 * JPEG-compressed (quality 30 to 100) with probability ½, as Wang et al. (2020) trained theirs,
 * so that it cannot lean on the finest details alone. Where either side is grey, all pictures are
 * read as grey.
 */
public final class CnnDetector extends Module implements Detector {
    /** The command-line name of the method. */
    public static final String METHOD = "cnn";

    private final int channels;
    private final Sequential features;
    private final Linear classifier;

    private CnnDetector(int channels, Rng rng) {
        this.channels = channels;
        this.features = child("features", new Sequential(
                new Conv2d(channels, 16, 3, 1, 1, rng), Activation.leakyRelu(0.2),
                new Conv2d(16, 32, 3, 2, 1, rng), Activation.leakyRelu(0.2),
                new Conv2d(32, 64, 3, 2, 1, rng), Activation.leakyRelu(0.2)));
        this.classifier = child("classifier", new Linear(64, 1, rng));
    }

    /** Settings of the training: Adam steps, batch size, rate, crop side, augmentation, seed, progress. */
    public record Options(int steps, int batchSize, double learningRate, int crop, boolean augmented, long seed, boolean progress) {
        /** 1,500 steps of 64 at 10⁻³, 28 × 28 crops, no augmentation, seed 42, no progress bar. */
        public static final Options DEFAULT = new Options(1500, 64, 1e-3, 28, false, 42, false);
    }

    /** Trains a detector on real and fake pictures; the loss of each step goes to {@code log}. */
    public static CnnDetector train(List<Tensor> real, List<Tensor> fake, Options options, TrainingLog log) throws IOException {
        // grey where either side has grey pictures: otherwise "has colour" would tell the two apart, not "is generated"
        boolean grey = real.stream().anyMatch(p -> p.size(0) == 1) || fake.stream().anyMatch(p -> p.size(0) == 1);
        Rng rng = new Rng(options.seed());
        CnnDetector detector = new CnnDetector(grey ? 1 : 3, rng.split());
        int crop = Math.min(options.crop(), smallestSide(real, fake));
        Adam adam = new Adam(detector.parameters(), options.learningRate(), 0.9, 0.999);
        Rng batches = rng.split();
        TrainingLoop.steps(options.steps(), "cnn detector").log(log).progress(options.progress()).guard(detector.parameters())
                .run(at -> {
                    List<Tensor> pictures = new ArrayList<>();
                    double[] labels = new double[options.batchSize()];
                    for (int i = 0; i < options.batchSize(); i++) {
                        boolean isFake = batches.nextInt(2) == 1;
                        List<Tensor> from = isFake ? fake : real;
                        Tensor picture = from.get(batches.nextInt(from.size()));
                        if (options.augmented()) {
                            picture = augmented(picture, batches);
                        }
                        pictures.add(detector.inChannels(randomCrop(picture, crop, batches)));
                        labels[i] = isFake ? 1 : 0;
                    }
                    adam.zeroGrad();
                    Tensor loss = Losses.bceWithLogits(detector.logits(Tensor.stack(pictures, 0)), Tensor.of(labels, labels.length, 1));
                    loss.backward();
                    adam.step();
                    return TrainingLoop.StepResult.of(loss.item());
                });
        return detector;
    }

    // snippet: augmentation
    /** Wang et al.'s augmentation: a blur of σ ∈ [0, 3] half of the time, a JPEG of quality 30 to 100 half of the time. */
    static Tensor augmented(Tensor picture, Rng rng) {
        if (rng.uniform() < 0.5) {
            picture = Degradations.blur(picture, rng.uniform(0, 3));
        }
        if (rng.uniform() < 0.5) {
            picture = Degradations.jpeg(picture, 30 + rng.nextInt(71));
        }
        return picture;
    }
    // end snippet

    /** pictures [N, channels, H, W] → the log-odds that each is fake [N, 1]. */
    public Tensor logits(Tensor pictures) {
        return classifier.forward(features.forward(pictures).mean(new int[] {2, 3}, false));
    }

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public double[] probabilities(List<Tensor> pictures) {
        double[] out = new double[pictures.size()];
        try (var scope = NoGrad.enter(); var evaluating = evaluating()) {
            for (int i = 0; i < pictures.size(); i++) { // one at a time: pictures may differ in size
                out[i] = logits(inChannels(pictures.get(i)).reshape(1, channels, pictures.get(i).size(1), pictures.get(i).size(2)))
                        .sigmoid().item();
            }
        }
        return out;
    }

    @Override
    public void save(Path folder) throws IOException {
        Checkpoint.save(folder.resolve(FILE), this, Map.of(), Map.of("method", METHOD, "channels", channels));
    }

    /** Restores a detector that {@link #save} wrote; {@code config} is its checkpoint's config. */
    public static CnnDetector load(Path folder, Map<String, Object> config) throws IOException {
        CnnDetector detector = new CnnDetector(((Number) config.get("channels")).intValue(), new Rng(0));
        Checkpoint.loadInto(folder.resolve(FILE), detector, Map.of());
        return detector;
    }

    /** A picture with the detector's channels: colour to grey by the BT.601 weights, or grey repeated three times. */
    private Tensor inChannels(Tensor picture) {
        if (picture.size(0) == channels) {
            return picture;
        }
        return channels == 3 ? Tensor.concat(List.of(picture, picture, picture), 0) : Images.toGrey(picture);
    }

    private static Tensor randomCrop(Tensor picture, int crop, Rng rng) {
        int top = rng.nextInt(picture.size(1) - crop + 1), left = rng.nextInt(picture.size(2) - crop + 1);
        return picture.narrow(1, top, crop).narrow(2, left, crop);
    }

    private static int smallestSide(List<Tensor> real, List<Tensor> fake) {
        int side = Integer.MAX_VALUE;
        for (List<Tensor> pictures : List.of(real, fake)) {
            for (Tensor picture : pictures) {
                side = Math.min(side, Math.min(picture.size(1), picture.size(2)));
            }
        }
        return side;
    }
}
