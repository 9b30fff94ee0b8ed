package dev.masquerade.cli;

import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.classify.FashionClassifier;
import dev.masquerade.nn.data.ArrayDataset;
import dev.masquerade.nn.data.FashionMnist;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code masquerade classify}: trains the small CNN on Fashion-MNIST and reports its test accuracy. */
@Command(mixinStandardHelpOptions = true, name = "classify", description = "Train a small CNN on Fashion-MNIST; writes metrics.json, loss_curve.png and a checkpoint.")
final class ClassifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private RunOptions run;

    @Option(names = "--dataset", defaultValue = "fashion-mnist", description = "Data set to learn (only fashion-mnist for now).")
    private String dataset;

    @Option(names = "--data", defaultValue = FashionMnist.DEFAULT_DIRECTORY, paramLabel = "DIR",
            description = "Folder with the IDX files (default: ${DEFAULT-VALUE}).")
    private Path data;

    @Option(names = "--epochs", defaultValue = "3", description = "Passes over the training set (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--batch-size", defaultValue = "64", description = "Images per step (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Adam's learning rate (default: ${DEFAULT-VALUE}).")
    private double learningRate;

    @Mixin
    private LimitOption limit;

    @Override
    public Integer call() throws Exception {
        if (!dataset.equals("fashion-mnist")) {
            throw new IllegalArgumentException("unknown dataset '" + dataset + "'; only fashion-mnist is supported");
        }
        // the options first: a number that cannot work is refused before the data set is read
        var options = new FashionClassifier.Options(epochs, batchSize, learningRate, run.seed, run.progress(), Device.defaultDevice());
        var stdout = spec.commandLine().getOut();
        ArrayDataset train = FashionMnist.train(data);
        ArrayDataset test = FashionMnist.test(data);
        train = limit.apply(train);
        Path folder = run.folder();
        RunOptions.refuseInput(folder, "--data", data);
        stdout.printf("Training on %,d Fashion-MNIST images for %s on %s; run folder %s%n", train.size(), Count.of(epochs, "epoch"),
                Device.defaultDevice(), folder);
        stdout.flush();
        FashionClassifier.Result result = FashionClassifier.train(train, test, options, folder);
        stdout.printf("test accuracy %.2f%% after %s in %.0f s%n", 100 * result.testAccuracy(), Count.of(result.epochs(), "epoch"), result.seconds());
        stdout.printf("wrote %s (metrics.json, metrics.jsonl, loss_curve.png, %s)%n", folder, FashionClassifier.CHECKPOINT);
        return 0;
    }
}
