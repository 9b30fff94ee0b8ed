package dev.masquerade.cli;

import dev.masquerade.autoencoder.FaceSwapConfig;
import dev.masquerade.autoencoder.FaceSwapLoss;
import dev.masquerade.autoencoder.FaceSwapOptions;
import dev.masquerade.autoencoder.FaceSwapTrainer;
import dev.masquerade.autoencoder.augment.Augmentation;
import dev.masquerade.autoencoder.augment.ColourMatch;
import dev.masquerade.engine.array.Device;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code masquerade faceswap train}: trains the shared encoder and both decoders. */
@Command(mixinStandardHelpOptions = true, name = "train", description = "Train a face-swap autoencoder on two folders of aligned face crops, or on synthetic faces.")
final class FaceswapTrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private RunOptions run;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Source source;

    static final class Source {
        @ArgGroup(exclusive = false)
        Folders folders;

        @Option(names = "--synthetic", required = true, description = "Train on the built-in synthetic persons A and B.")
        boolean synthetic;
    }

    static final class Folders {
        @Option(names = "--a", required = true, paramLabel = "DIR", description = "Aligned face crops of person A (PNG or JPEG).")
        Path a;

        @Option(names = "--b", required = true, paramLabel = "DIR", description = "Aligned face crops of person B.")
        Path b;
    }

    @Mixin
    private ResumeOption resumeOption;

    @Option(names = "--steps", defaultValue = "5000", description = "Training steps in all, counting resumed ones (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--batch-size", defaultValue = "16", description = "Faces of each person per step (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--size", defaultValue = "64", description = "Face size in pixels, 64 or 128 (default: ${DEFAULT-VALUE}).")
    private int size;

    @Option(names = "--width", defaultValue = "64", description = "Channels of the first convolution (default: ${DEFAULT-VALUE}, faceswap_small).")
    private int width;

    @Option(names = "--latent", defaultValue = "512", description = "Length of the shared code (default: ${DEFAULT-VALUE}).")
    private int latent;

    @Option(names = "--masks", description = "Let each decoder also predict a mask, blended as mask*face + (1-mask)*input.")
    private boolean masks;

    @Option(names = "--lr", defaultValue = "5e-5", description = "Adam's learning rate (default: ${DEFAULT-VALUE}).")
    private double learningRate;

    @Option(names = "--beta1", defaultValue = "0.5", description = "Adam's beta1 (default: ${DEFAULT-VALUE}, as the deepfake trainers use).")
    private double beta1;

    @Option(names = "--loss", defaultValue = "l1", description = "Pixel loss: l1 or mse (default: ${DEFAULT-VALUE}).")
    private String pixelLoss;

    @Option(names = "--dssim-weight", defaultValue = "1", description = "Weight of DSSIM (default: ${DEFAULT-VALUE}).")
    private double dssimWeight;

    @Option(names = "--feature-weight", defaultValue = "2", description = "Extra weight of eyes and mouth where known (default: ${DEFAULT-VALUE}).")
    private double featureWeight;

    @Option(names = "--masked-loss", description = "Count the losses inside the face only (where the face mask is known).")
    private boolean maskedLoss;

    @Option(names = "--no-warp", description = "Do not warp the inputs.")
    private boolean noWarp;

    @Option(names = "--warp-to-landmarks",
            description = "Warp each input towards the landmarks of one of the other person's 10 most similar faces, instead of the random warp"
                    + " (needs folders written by faceswap extract).")
    private boolean warpToLandmarks;

    @Option(names = "--colour-match", defaultValue = "none", description = "Match A's colours to B's: none, mean or reinhard (default: ${DEFAULT-VALUE}).")
    private String colourMatch;

    @Option(names = "--gan-weight", defaultValue = "0",
            description = "Weight of the adversarial loss of a PatchGAN per person on the decoder's output (0: off; try 0.1).")
    private double ganWeight;

    @Option(names = "--synthetic-count", defaultValue = "1000", description = "Pictures per synthetic person (default: ${DEFAULT-VALUE}).")
    private int syntheticCount;

    @Option(names = "--preview-every", defaultValue = "100", description = "Write preview.png every N steps (default: ${DEFAULT-VALUE}).")
    private int previewEvery;

    @Option(names = "--checkpoint-every", defaultValue = "500", description = "Save the checkpoint every N steps (default: ${DEFAULT-VALUE}).")
    private int checkpointEvery;

    @Option(names = "--timelapse", paramLabel = "DIR",
            description = "Save the swap of the same faces at every preview into DIR (step_NNNNNN.png), and all of them as DIR/timelapse.gif at the end.")
    private Path timelapse;

    @Override
    public Integer call() throws Exception {
        boolean resume = resumeOption.requested(run);
        Path folder = run.folder(resumeOption);
        if (source.folders != null) {
            RunOptions.refuseInput(folder, "--a", source.folders.a);
            RunOptions.refuseInput(folder, "--b", source.folders.b);
            if (timelapse != null) {
                RunOptions.refuseInput("--timelapse", timelapse, "--a", source.folders.a);
                RunOptions.refuseInput("--timelapse", timelapse, "--b", source.folders.b);
            }
        }
        refuseUsedTimelapse(resume);
        FaceSwapConfig config = new FaceSwapConfig(size, width, latent, masks);
        if (resume) {
            config = sameArchitecture(config, FaceSwapTrainer.savedConfig(folder), folder);
        }
        FaceSwapTrainer.Data data = source.synthetic ? FaceSwapTrainer.Data.synthetic(syntheticCount, 64, size, run.seed)
                : FaceSwapTrainer.Data.folders(source.folders.a, source.folders.b, size);
        Augmentation augmentation = new Augmentation(!noWarp, Augmentation.DEFAULT.warpSigma(), Augmentation.DEFAULT.maxDegrees(),
                Augmentation.DEFAULT.maxZoom(), Augmentation.DEFAULT.maxShift(), true, ColourMatch.Method.parse(colourMatch), warpToLandmarks);
        FaceSwapLoss loss = new FaceSwapLoss(FaceSwapLoss.Pixel.parse(pixelLoss), 1, dssimWeight, featureWeight, maskedLoss, 1);
        FaceSwapOptions options = FaceSwapOptions.builder().model(config).steps(steps).batchSize(batchSize).learningRate(learningRate)
                .beta1(beta1).loss(loss).augmentation(augmentation).previewEvery(previewEvery).checkpointEvery(checkpointEvery)
                .seed(run.seed).progress(run.progress()).device(Device.defaultDevice()).ganWeight(ganWeight).timelapse(timelapse).build();
        return FaceSwapReport.run(spec.commandLine().getOut(), data, options, folder, resume);
    }

    /** A new run's timelapse goes into a new or empty folder, so that no picture there is replaced; a resumed run adds to its own. */
    private void refuseUsedTimelapse(boolean resume) throws java.io.IOException {
        if (timelapse == null || resume || !java.nio.file.Files.isDirectory(timelapse)) {
            return;
        }
        try (var entries = java.nio.file.Files.list(timelapse)) {
            if (entries.findAny().isPresent()) {
                throw new IllegalArgumentException("--timelapse " + timelapse + " is not empty; give a new or empty folder (a run resumed with"
                        + " --resume adds to its own timelapse)");
            }
        }
    }

    /**
     * The run's own architecture, for a resumed run: an architecture option given on the command
     * line must agree with it (a resumed model cannot change shape), and the ones not given are
     * taken from it, so that what is printed is what trains.
     */
    private FaceSwapConfig sameArchitecture(FaceSwapConfig asked, FaceSwapConfig saved, Path folder) {
        Object[][] options = {{"--size", asked.size(), saved.size()}, {"--width", asked.width(), saved.width()},
            {"--latent", asked.latent(), saved.latent()}, {"--masks", asked.masks(), saved.masks()}};
        for (Object[] option : options) {
            if (spec.commandLine().getParseResult().hasMatchedOption((String) option[0]) && !option[1].equals(option[2])) {
                throw new IllegalArgumentException(option[0] + " " + option[1] + " differs from " + option[2] + ", the run's own in " + folder
                        + ": a resumed model keeps its architecture; drop " + option[0] + ", or start a new --out");
            }
        }
        return saved;
    }
}
