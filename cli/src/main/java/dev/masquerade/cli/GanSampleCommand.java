package dev.masquerade.cli;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.gan.GanRun;
import dev.masquerade.nn.data.Npy;
import dev.masquerade.nn.io.Images;
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

    @Option(names = "--out", required = true, paramLabel = "FILE.png|FILE.npy|DIR",
            description = "The PNG (a grid) or .npy to write, or a folder for one PNG per image sample (sample_0000.png, ...), as detect"
                    + " score and detect train read them.")
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
        boolean folder = !npy && !out.toString().endsWith(".png");
        if (folder && java.nio.file.Files.isRegularFile(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file; name a .png, a .npy, or a folder for one PNG per sample");
        }
        GanRun.Trained trained = GanRun.load(checkpoint);
        Tensor noise = Tensor.randn(new Rng(seed), count, trained.model().noiseSize());
        Path parent = out.toAbsolutePath().getParent();
        java.nio.file.Files.createDirectories(parent);
        Tensor samples = GanRun.sample(trained.generator(), noise);
        if (folder) {
            if (samples.rank() != 4) {
                throw new IllegalArgumentException(trained.model().cliName() + " samples are points, not pictures; write them to a .png or a .npy");
            }
            java.nio.file.Files.createDirectories(out);
            Tensor pictures = samples.add(1).mul(0.5); // the generator's tanh range [-1, 1] as [0, 1]
            for (int i = 0; i < count; i++) {
                Images.writePng(pictures.narrow(0, i, 1).reshape(pictures.size(1), pictures.size(2), pictures.size(3)),
                        out.resolve(String.format("sample_%04d.png", i)));
            }
        } else if (npy) {
            // images leave the generator's tanh in [-1, 1]; gan score reads [0, 1]
            Npy.write(samples.rank() == 4 ? samples.add(1).mul(0.5) : samples, out);
        } else {
            trained.model().draw(samples, count + " samples", out);
        }
        spec.commandLine().getOut().printf("wrote %d %s samples to %s%n", count, trained.model().cliName(), out);
        return 0;
    }
}
