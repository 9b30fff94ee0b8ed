package dev.masquerade.cli;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.gan.GanRun;
import dev.masquerade.nn.data.Npy;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code masquerade gan sample}: draws fresh samples from a trained generator into a PNG, or into a .npy for gan score. */
@Command(mixinStandardHelpOptions = true, name = "sample", description = "Draw samples of a trained GAN into a PNG (a grid of images, or points on the"
        + " ring), or into a .npy (images [N, 1, 28, 28] in [0, 1], as gan score reads them; points [N, 2]).")
final class GanSampleCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--checkpoint", required = true, paramLabel = "FILE", description = "checkpoint.json of a 'masquerade gan train' run.")
    private Path checkpoint;

    @Option(names = "--n", defaultValue = "64", description = "Number of samples, at most " + MOST_SAMPLES + " (default: ${DEFAULT-VALUE}).")
    private int count;

    @Option(names = "--out", required = true, paramLabel = "FILE.png|FILE.npy", description = "The PNG or .npy to write.")
    private Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the noise (default: ${DEFAULT-VALUE}).")
    private long seed;

    /** The most samples one picture shows: a grid of 100 × 100 images is already more than an eye can take in. */
    private static final int MOST_SAMPLES = 10_000;

    @Override
    public Integer call() throws Exception {
        if (count < 1 || count > MOST_SAMPLES) {
            throw new IllegalArgumentException("--n must be from 1 to " + MOST_SAMPLES + " (the samples of one picture), got " + count);
        }
        boolean npy = out.toString().endsWith(".npy");
        if (!out.toString().endsWith(".png") && !npy) {
            throw new IllegalArgumentException("--out must name a .png or .npy file, got " + out);
        }
        GanRun.Trained trained = GanRun.load(checkpoint);
        Tensor noise = Tensor.randn(new Rng(seed), count, trained.model().noiseSize());
        Path parent = out.toAbsolutePath().getParent();
        java.nio.file.Files.createDirectories(parent);
        Tensor samples = GanRun.sample(trained.generator(), noise);
        if (npy) {
            // images leave the generator's tanh in [-1, 1]; gan score reads [0, 1]
            Npy.write(samples.rank() == 4 ? samples.add(1).mul(0.5) : samples, out);
        } else {
            trained.model().draw(samples, count + " samples", out);
        }
        spec.commandLine().getOut().printf("wrote %d %s samples to %s%n", count, trained.model().cliName(), out);
        return 0;
    }
}
