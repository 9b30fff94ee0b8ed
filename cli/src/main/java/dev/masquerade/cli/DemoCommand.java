package dev.masquerade.cli;

import dev.masquerade.autoencoder.FaceSwapDemo;
import dev.masquerade.engine.Device;
import dev.masquerade.nn.train.TrainingLog;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code masquerade demo}: the face swap on synthetic faces, start to finish in a few minutes. */
@Command(name = "demo", description = "Train a face swap on the built-in synthetic faces and measure it against the known right answer "
        + "(a few minutes on a laptop CPU); writes preview.png, swap.png, loss.png, metrics.json and a checkpoint.")
final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder (default: runs/demo-<timestamp>).")
    private Path out;

    @Option(names = "--steps", defaultValue = "" + FaceSwapDemo.STEPS, description = "Training steps (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of faces, initialisation and augmentation (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--no-progress", description = "Do not draw the progress bar.")
    private boolean noProgress;

    @Override
    public Integer call() throws Exception {
        Path folder = out != null ? out : TrainingLog.defaultFolder("demo");
        return FaceSwapReport.run(spec.commandLine().getOut(), FaceSwapDemo.data(seed),
                FaceSwapDemo.options(steps, seed, !noProgress, Device.defaultDevice()), folder, false);
    }
}
