package dev.masquerade.cli;

import dev.masquerade.gan.FashionMnistTask;
import dev.masquerade.gan.GanLoss;
import dev.masquerade.gan.GanModel;
import dev.masquerade.gan.GanOptions;
import dev.masquerade.gan.GanRun;
import dev.masquerade.gan.GanTask;
import dev.masquerade.gan.RingTask;
import dev.masquerade.gan.metrics.FashionJudge;
import dev.masquerade.nn.data.ArrayDataset;
import dev.masquerade.nn.data.FashionMnist;
import dev.masquerade.nn.layers.Upsampling;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code masquerade gan train}: a GAN run on Fashion-MNIST (DCGAN-28) or on the ring of 8 Gaussians (two MLPs). */
@Command(mixinStandardHelpOptions = true, name = "train",
        description = {"Train a GAN: k discriminator steps per generator step, with the loss of your choice.",
                "Writes samples_epoch_NNN.png, loss.png, metrics.jsonl, metrics.json and checkpoint.json into the run folder."})
final class GanTrainCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private RunOptions run;

    @Option(names = "--dataset", defaultValue = "fashion-mnist", description = "fashion-mnist or ring (default: ${DEFAULT-VALUE}).")
    private String dataset;

    @Option(names = "--loss", defaultValue = "nonsaturating", description = "minimax, nonsaturating, lsgan or hinge (default: ${DEFAULT-VALUE}).")
    private String loss;

    @Option(names = "--d-steps", defaultValue = "1", paramLabel = "K", description = "Discriminator steps per generator step (default: ${DEFAULT-VALUE}).")
    private int discriminatorSteps;

    @Option(names = "--epochs", description = "Epochs (default: 5 for fashion-mnist; 6 of " + RingTask.BATCHES_PER_EPOCH
            + " batches for ring).")
    private Integer epochs;

    @Option(names = "--batch-size", description = "Real images or points per discriminator step (default: 64; 256 for ring).")
    private Integer batchSize;

    @Option(names = "--lr", description = "Adam's learning rate for both networks (default: 2e-4; 1e-3 for ring).")
    private Double learningRate;

    @Option(names = "--init", defaultValue = "paper",
            description = "How the weights start: paper (N(0, 0.02), batch-norm scales N(1, 0.02), biases 0, as the DCGAN paper) or default"
                    + " (the layers' own, PyTorch's) (default: ${DEFAULT-VALUE}).")
    private String init;

    @Option(names = "--upsampling", defaultValue = "transposed",
            description = "fashion-mnist: how DCGAN-28's generator doubles its pictures: transposed (convolution, the paper's), resize (nearest"
                    + " neighbour, then a 3x3 convolution) or shuffle (a 3x3 convolution to 4x the channels, then a pixel shuffle) (default:"
                    + " ${DEFAULT-VALUE}).")
    private String upsampling;

    @Option(names = "--smoothing", defaultValue = "0", description = "One-sided label smoothing: real batches labelled 1 - S (default: ${DEFAULT-VALUE}).")
    private double smoothing;

    @Mixin
    private ResumeOption resumeOption;

    @Option(names = "--data", defaultValue = FashionMnist.DEFAULT_DIRECTORY, paramLabel = "DIR",
            description = "Folder with the Fashion-MNIST IDX files (default: ${DEFAULT-VALUE}).")
    private Path data;

    @Mixin
    private LimitOption limit;

    @Option(names = "--classifier", paramLabel = "DIR",
            description = "Folder of the Fashion-MNIST classifier that judges samples; trained there when missing (default: ~/.cache/masquerade/fashion-classifier-3-epochs).")
    private Path classifier;

    @Option(names = "--eval-samples", defaultValue = "5000", paramLabel = "N",
            description = "Generated images per Fréchet distance (default: ${DEFAULT-VALUE}).")
    private int evaluationSamples;

    @Override
    public Integer call() throws Exception {
        GanLoss lossFunction = GanLoss.parse(loss);
        GanModel model = GanModel.parse(dataset);
        // a Fréchet distance needs a covariance, so at least two samples; more than the training images cannot be matched
        if (evaluationSamples < 2 || evaluationSamples > 60_000) {
            throw new IllegalArgumentException("--eval-samples must be from 2 to 60,000 (5,000 is usual), got " + evaluationSamples);
        }
        boolean resume = resumeOption.requested(run);
        var out = spec.commandLine().getOut();
        Path folder = run.folder(resumeOption);
        GanOptions defaults = model == GanModel.RING ? RingTask.options(lossFunction, run.seed, run.progress()) : GanOptions.builder().build();
        GanOptions options = defaults.toBuilder().loss(lossFunction).discriminatorSteps(discriminatorSteps).smoothing(smoothing)
                .epochs(orDefault(epochs, defaults.epochs())).batchSize(orDefault(batchSize, defaults.batchSize()))
                .learningRate(learningRate != null ? learningRate : defaults.learningRate()).seed(run.seed).progress(run.progress()).init(init)
                .upsampling(Upsampling.parse(upsampling)).build();
        if (resume) {
            GanRun.requireResumable(folder, model); // before a judge is trained for a run that cannot go on
        }
        GanTask task = model == GanModel.RING ? ringTask() : fashionTask(folder, options.batchSize());
        out.printf("Training a GAN on %s with the %s loss, %s per generator step, %s; run folder %s%n",
                model.cliName(), lossFunction.cliName(), Count.of(options.discriminatorSteps(), "discriminator step"),
                Count.of(options.epochs(), "epoch"), folder);
        out.flush();
        Map<String, Object> summary = GanRun.train(task, options, folder, resume).summary();
        out.println(report(summary));
        out.printf("wrote %s (samples_epoch_NNN.png, loss.png, metrics.json, %s)%n", folder, GanRun.CHECKPOINT);
        return 0;
    }

    private GanTask ringTask() {
        for (String option : new String[] {"--data", "--classifier", "--limit", "--eval-samples"}) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new IllegalArgumentException(option + " is for --dataset fashion-mnist; the ring makes its points as it goes");
            }
        }
        return new RingTask(RingTask.BATCHES_PER_EPOCH);
    }

    private GanTask fashionTask(Path folder, int batch) throws IOException {
        RunOptions.refuseInput(folder, "--data", data);
        Path judgeFolder = classifier != null ? classifier : FashionJudge.DEFAULT_FOLDER;
        RunOptions.refuseInput(folder, "--classifier", judgeFolder);
        ArrayDataset train = limit.apply(FashionMnist.train(data));
        if (train.size() < batch) {
            throw new IllegalArgumentException("--batch-size " + batch + " is more than the " + train.size() + " training images"
                    + " (see --limit); use at most " + train.size());
        }
        FashionJudge judge = FashionJudge.loadOrTrain(judgeFolder, data, run.progress());
        return new FashionMnistTask(train, FashionMnist.test(data), judge, evaluationSamples);
    }

    private static int orDefault(Integer value, int fallback) {
        return value != null ? value : fallback;
    }

    /** The run's result in one line: its metrics against their baselines. */
    static String report(Map<String, Object> s) {
        String time = String.format("%s in %.0f s", Count.of(((Number) s.get("steps")).longValue(), "step"), ((Number) s.get("seconds")).doubleValue());
        if (s.containsKey("fd")) {
            return String.format("fd %.2f (floor %.2f, ceiling %.2f), class coverage %s of 10, %s", s.get("fd"), s.get("fd_floor"),
                    s.get("fd_ceiling"), s.get("class_coverage"), time);
        }
        return String.format("modes covered %s of 8, %.0f%% of points near a mode, %s", s.get("modes_covered"),
                100 * ((Number) s.get("near_fraction")).doubleValue(), time);
    }
}
