package dev.masquerade.cli;

import dev.masquerade.autoencoder.FaceSwapDemo;
import dev.masquerade.engine.array.Device;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code masquerade demo}: the face swap on synthetic faces, start to finish in a few minutes. */
@Command(mixinStandardHelpOptions = true, name = "demo", description = "Train a face swap on the built-in synthetic faces and measure it against the known right answer "
        + "(a few minutes on a laptop CPU); writes preview.png, swap.png, loss.png, metrics.json and a checkpoint.")
final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private RunOptions run;

    @Option(names = "--steps", defaultValue = "" + FaceSwapDemo.STEPS, description = "Training steps (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--gan-weight", defaultValue = "0",
            description = "Add a PatchGAN per person with this weight (0: off, the default; try 0.1 and compare swap.png).")
    private double ganWeight;

    @Override
    public Integer call() throws Exception {
        if (steps < 1) {
            throw new IllegalArgumentException("--steps must be at least 1, got " + steps);
        }
        Path folder = run.folder();
        return FaceSwapReport.run(spec.commandLine().getOut(), FaceSwapDemo.data(run.seed),
                FaceSwapDemo.options(steps, run.seed, run.progress(), Device.defaultDevice()).toBuilder().ganWeight(ganWeight).build(), folder, false);
    }
}
