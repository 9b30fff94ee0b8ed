package dev.masquerade.cli;

import dev.masquerade.autoencoder.ConvAutoencoder;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.data.ArrayDataset;
import dev.masquerade.nn.data.FashionMnist;
import dev.masquerade.nn.data.LfwSubset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code masquerade autoencoder}: the plain convolutional autoencoder on Fashion-MNIST or on 100 real faces. */
@Command(mixinStandardHelpOptions = true, name = "autoencoder", description = "Train a plain convolutional autoencoder on Fashion-MNIST or on LFW faces (lfw_subset.npy); "
        + "writes reconstructions.png, loss.png, metrics.json and a checkpoint.")
final class AutoencoderCommand implements Callable<Integer> {
    /** Where Debian's python3-skimage keeps scikit-image's sample of Labeled Faces in the Wild. */
    static final String LFW_DEFAULT = "/usr/lib/python3/dist-packages/skimage/data/lfw_subset.npy";
    /** lfw_subset.npy holds 100 faces, then 100 pictures that are not faces. */
    private static final int LFW_FACES = 100;
    private static final int LFW_TEST = 10;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RunOptions run;

    @Option(names = "--dataset", defaultValue = "fashion-mnist", description = "fashion-mnist or lfw (default: ${DEFAULT-VALUE}).")
    private String dataset;

    @Option(names = "--data", paramLabel = "PATH", description = "Fashion-MNIST folder (default " + FashionMnist.DEFAULT_DIRECTORY
            + ") or lfw_subset.npy (default " + LFW_DEFAULT + ", or data/portraits/ from scripts/fetch-portraits.sh).")
    private Path data;

    @Option(names = "--epochs", defaultValue = "3", description = "Passes over the training images (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--latent", defaultValue = "32", description = "Length of the code (default: ${DEFAULT-VALUE}).")
    private int latent;

    @Option(names = "--batch-size", defaultValue = "64", description = "Images per step (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--lr", defaultValue = "2e-3", description = "Adam's learning rate (default: ${DEFAULT-VALUE}).")
    private double learningRate;

    @Mixin
    private LimitOption limit;

    @Override
    public Integer call() throws Exception {
        // the options first: a number that cannot work is refused before the data set is read
        var options = new ConvAutoencoder.Options(epochs, batchSize, latent, learningRate, run.seed, run.progress(), Device.defaultDevice());
        ArrayDataset train;
        ArrayDataset test;
        switch (dataset) {
            case "fashion-mnist" -> {
                Path folder = data != null ? data : Path.of(FashionMnist.DEFAULT_DIRECTORY);
                train = FashionMnist.train(folder);
                test = FashionMnist.test(folder).head(1000);
            }
            case "lfw" -> {
                ArrayDataset faces = LfwSubset.load(data != null ? data : defaultLfw(), LFW_FACES);
                train = faces.slice(0, LFW_FACES - LFW_TEST);
                test = faces.slice(LFW_FACES - LFW_TEST, LFW_FACES);
            }
            default -> throw new IllegalArgumentException("unknown dataset '" + dataset + "'; use fashion-mnist or lfw");
        }
        train = limit.apply(train);
        Path folder = run.folder();
        RunOptions.refuseInput(folder, "--data", data);
        var stdout = spec.commandLine().getOut();
        stdout.printf("Training an autoencoder (code %d) on %,d %s images for %s on %s; run folder %s%n", latent, train.size(),
                dataset, Count.of(epochs, "epoch"), Device.defaultDevice(), folder);
        stdout.flush();
        Map<String, Object> m = ConvAutoencoder.train(train, test, options, folder);
        stdout.printf("test reconstruction: %.1f dB PSNR, SSIM %.3f after %s in %.0f s; wrote %s%n", m.get("test_psnr"),
                m.get("test_ssim"), Count.of(epochs, "epoch"), m.get("seconds"), folder);
        return 0;
    }

    private static Path defaultLfw() {
        Path fetched = Path.of("data", "portraits", "lfw_subset.npy");
        return Files.exists(fetched) ? fetched : Path.of(LFW_DEFAULT);
    }
}
