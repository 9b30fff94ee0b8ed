package dev.masquerade.autoencoder;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.Layer;
import dev.masquerade.nn.Sequential;
import dev.masquerade.nn.data.ArrayDataset;
import dev.masquerade.nn.data.DataLoader;
import dev.masquerade.nn.io.Checkpoint;
import dev.masquerade.nn.io.Images;
import dev.masquerade.nn.layers.Activation;
import dev.masquerade.nn.layers.Conv2d;
import dev.masquerade.nn.layers.ConvTranspose2d;
import dev.masquerade.nn.layers.Linear;
import dev.masquerade.nn.layers.Reshape;
import dev.masquerade.nn.loss.Losses;
import dev.masquerade.nn.optim.Adam;
import dev.masquerade.nn.optim.LearningRates;
import dev.masquerade.nn.train.TrainingLog;
import dev.masquerade.nn.train.TrainingLoop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plain convolutional autoencoder, the step before the face swap: one encoder squeezes an
 * image into a short code, one decoder draws the image back from it, and the loss is how far
 * the drawing is from the image. Two stride-2 convolutions halve the size twice (28 → 14 → 7,
 * or 25 → 13 → 7); two transposed convolutions grow it back, with output padding choosing the
 * exact size.
 */
public final class ConvAutoencoder extends Layer {
    /** Name of the checkpoint manifest in a run folder. */
    public static final String CHECKPOINT = "autoencoder.json";
    private final Sequential encoder;
    private final Sequential decoder;

    /** An autoencoder for images [N, channels, size, size] in [0, 1] with a code of {@code latent} numbers. */
    public ConvAutoencoder(int channels, int size, int latent, Rng rng) {
        int half = (size + 1) / 2, quarter = (half + 1) / 2;
        this.encoder = child("encoder", new Sequential(
                new Conv2d(channels, 16, 3, 2, 1, rng), Activation.relu(),
                new Conv2d(16, 32, 3, 2, 1, rng), Activation.relu(),
                Reshape.flatten(), new Linear(32 * quarter * quarter, latent, rng)));
        this.decoder = child("decoder", new Sequential(
                new Linear(latent, 32 * quarter * quarter, rng), Activation.relu(), new Reshape(32, quarter, quarter),
                new ConvTranspose2d(32, 16, 3, 2, 1, half - (2 * quarter - 1), rng), Activation.relu(),
                new ConvTranspose2d(16, channels, 3, 2, 1, size - (2 * half - 1), rng), Activation.sigmoid()));
    }

    /** The code [N, latent] of images. */
    public Tensor encode(Tensor images) {
        return encoder.forward(images);
    }

    /** Images drawn from codes. */
    public Tensor decode(Tensor codes) {
        return decoder.forward(codes);
    }

    /** The reconstruction: decode(encode(x)). */
    @Override
    public Tensor forward(Tensor images) {
        return decode(encode(images));
    }

    /** How to train. */
    public record Options(int epochs, int batchSize, int latent, double learningRate, long seed, boolean progress, Device device) {
        /** Checks the numbers. */
        public Options {
            if (epochs < 1 || batchSize < 1 || latent < 1 || latent > 4096) {
                throw new IllegalArgumentException("--epochs and --batch-size must be at least 1 and --latent from 1 to 4096, got " + epochs
                        + ", " + batchSize + " and " + latent);
            }
            LearningRates.requireUsable(learningRate, "this autoencoder's is 2e-3");
        }
    }

    /**
     * Trains on {@code train} with MSE and Adam, measures PSNR and SSIM on {@code test}, and
     * writes the run folder: metrics.jsonl, metrics.json, loss.png, reconstructions.png (test
     * images above their reconstructions) and the checkpoint {@value #CHECKPOINT}.
     */
    public static Map<String, Object> train(ArrayDataset train, ArrayDataset test, Options options, Path folder) throws IOException {
        long start = System.nanoTime();
        int[] shape = train.sampleShape();
        Rng rng = new Rng(options.seed());
        ConvAutoencoder model = new ConvAutoencoder(shape[0], shape[1], options.latent(), rng.split());
        model.to(options.device());
        Adam adam = new Adam(model.parameters(), options.learningRate(), 0.9, 0.999);
        DataLoader loader = new DataLoader(train, options.batchSize(), true, false, rng.split(), options.device());
        try (TrainingLog log = new TrainingLog(folder)) {
            TrainingLoop.epochs(options.epochs(), loader.batchesPerEpoch()).log(log).progress(options.progress())
                    .guard(model.parameters())
                    .checkpoint(0, at -> {
                        Map<String, Object> config = new LinkedHashMap<>();
                        config.put("model", "ConvAutoencoder");
                        config.put("shape", shape);
                        config.put("latent", options.latent());
                        config.put("epochs_done", at.epoch());
                        Checkpoint.save(folder.resolve(CHECKPOINT), model, adam, config);
                    })
                    .run(TrainingLoop.overBatches(loader, adam, batch -> Losses.mse(model.forward(batch.features()), batch.features())));
            log.writeLossCurve("Autoencoder: reconstruction MSE", "loss.png");
            Map<String, Object> metrics = new LinkedHashMap<>();
            try (var scope = NoGrad.enter(); var evaluating = model.evaluating()) {
                int[] all = java.util.stream.IntStream.range(0, test.size()).toArray();
                Tensor images = test.batch(all, options.device()).features();
                Tensor reconstructions = model.forward(images);
                metrics.put("test_psnr", SwapMetrics.psnr(reconstructions, images));
                metrics.put("test_ssim", SwapMetrics.ssim(reconstructions, images));
                int n = Math.min(16, test.size());
                Images.writeGrid(Tensor.concat(List.of(images.narrow(0, 0, n), reconstructions.narrow(0, 0, n)), 0).to(Device.CPU), n,
                        folder.resolve("reconstructions.png"));
            }
            metrics.put("epochs", options.epochs());
            metrics.put("latent", options.latent());
            metrics.put("train_samples", train.size());
            metrics.put("test_samples", test.size());
            metrics.put("parameters", model.parameterCount());
            metrics.put("seconds", (System.nanoTime() - start) / 1e9);
            log.writeSummary(metrics);
            return metrics;
        }
    }
}
