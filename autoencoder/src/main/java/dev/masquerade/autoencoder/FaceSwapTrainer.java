package dev.masquerade.autoencoder;

import dev.masquerade.autoencoder.FaceSwapModel.Side;
import dev.masquerade.autoencoder.augment.Augmentation;
import dev.masquerade.autoencoder.augment.ColourMatch;
import dev.masquerade.autoencoder.faces.SyntheticFaces;
import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.io.Checkpoint;
import dev.masquerade.nn.io.Images;
import dev.masquerade.nn.optim.Adam;
import dev.masquerade.nn.train.TrainingLog;
import dev.masquerade.nn.train.TrainingLoop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains a face-swap autoencoder. Each step draws a batch of A and a batch of B, augments both,
 * reconstructs A through decoder A and B through decoder B, and minimises the sum of the two
 * losses with one Adam update. Both paths run through the shared encoder, so its gradient is
 * the sum of the two sides' gradients: that is what makes it learn faces in general.
 *
 * <p>The run folder receives {@code metrics.jsonl} as training goes, {@code preview.png} every
 * few steps (with the held-out metrics logged alongside, for synthetic data), the checkpoint {@value #CHECKPOINT} (atomically, so an interrupted run loses at
 * most the steps since the last one), and at the end {@code loss.png}, {@code swap.png} and
 * {@code metrics.json}.
 */
public final class FaceSwapTrainer {
    /** Name of the checkpoint manifest in a run folder. */
    public static final String CHECKPOINT = "checkpoint.json";
    private static final int PREVIEW_FACES = 6;
    /** Images per batch of the evaluation: the demo's 64 held-out pairs in one, few enough for any heap. */
    private static final int EVALUATION_BATCH = 64;

    private FaceSwapTrainer() {
    }

    /**
     * What to train on: the two people's faces and, for synthetic data, held-out pairs whose
     * correct swap is known (null for real faces).
     */
    public record Data(FaceSet a, FaceSet b, SyntheticFaces.SwapPairs heldOut, Map<String, Object> origin) {
        /** Faces whose origin the checkpoint does not record. */
        public Data(FaceSet a, FaceSet b, SyntheticFaces.SwapPairs heldOut) {
            this(a, b, heldOut, Map.of());
        }

        /** Two folders' faces, with the folders recorded in the checkpoint ("a", "b") so that a detector can find the real faces again. */
        public static Data folders(Path a, Path b, int size) throws IOException {
            return new Data(FaceSet.fromFolder(a, size), FaceSet.fromFolder(b, size), null,
                    Map.of("a", a.toAbsolutePath().normalize().toString(), "b", b.toAbsolutePath().normalize().toString()));
        }

        /**
         * The built-in data: {@code count} pictures each of synthetic persons A and B (each
         * picture with its own random attributes) and {@code heldOut} pairs for measuring swaps.
         */
        public static Data synthetic(int count, int heldOut, int size, long seed) {
            if (count < 1 || count > 100_000 || heldOut < 1) {
                throw new IllegalArgumentException("--synthetic-count must be from 1 to 100,000 pictures per person, got " + count);
            }
            Rng rng = new Rng(seed);
            return new Data(SyntheticFaces.trainingSet(SyntheticFaces.PERSON_A, count, size, rng.split()),
                    SyntheticFaces.trainingSet(SyntheticFaces.PERSON_B, count, size, rng.split()),
                    SyntheticFaces.swapPairs(heldOut, size, rng.split()),
                    Map.of("synthetic_count", count, "held_out", heldOut, "seed", seed)); // enough to draw the same faces again
        }

        /** Checks that both sides have the model's size. */
        void check(FaceSwapConfig config) {
            for (FaceSet set : new FaceSet[]{a, b}) {
                if (set.pixels() != config.size()) {
                    throw new IllegalArgumentException("faces of " + set.pixels() + " pixels do not fit a model of " + config.size()
                            + " pixels; load them at --size " + config.size());
                }
            }
        }
    }

    /** What a run produced: its metrics (also in metrics.json) and folder. */
    public record Result(Map<String, Object> metrics, Path folder) {
    }

    /** The architecture of the run in {@code folder}, from its checkpoint: what a resumed run trains. */
    public static FaceSwapConfig savedConfig(Path folder) throws IOException {
        Path checkpoint = folder.resolve(CHECKPOINT);
        if (!Files.exists(checkpoint)) {
            throw new IOException("cannot resume: " + folder + " has no " + CHECKPOINT + " (start without --resume)");
        }
        return FaceSwapConfig.fromMap(Checkpoint.load(checkpoint).config(), checkpoint.toString());
    }

    /**
     * Trains and writes the run folder. With {@code resume}, training continues from the
     * folder's checkpoint (model, optimizer state and step count; the checkpoint's
     * architecture wins over {@code options.model()}) up to {@code options.steps()} in all.
     */
    public static Result train(Data data, FaceSwapOptions options, Path folder, boolean resume) throws IOException {
        long start = System.nanoTime();
        Path checkpoint = folder.resolve(CHECKPOINT);
        FaceSwapConfig config = options.model();
        long done = 0;
        if (resume) {
            config = savedConfig(folder);
            done = ((Number) Checkpoint.load(checkpoint).config().getOrDefault("steps_done", 0)).longValue();
            if (done >= options.steps()) {
                throw new IOException("nothing to resume: " + folder + " has trained " + done + " steps already; pass --steps above "
                        + done + " to train on");
            }
        }
        data.check(config);
        Rng rng = new Rng(options.seed());
        FaceSwapModel model = new FaceSwapModel(config, rng.split());
        model.to(options.device());
        Adam adam = new Adam(model.parameters(), options.learningRate(), options.beta1(), options.beta2());
        FaceSwapAdversary adversary = options.ganWeight() > 0
                ? new FaceSwapAdversary(3, options.ganWeight(), options.learningRate(), rng.split(), options.device()) : null;
        if (resume) {
            Checkpoint.loadInto(checkpoint, model, adam);
            if (adversary != null) {
                if (!Files.exists(folder.resolve(FaceSwapAdversary.CHECKPOINT))) {
                    Object trainedWith = Checkpoint.load(checkpoint).config().get("gan_weight");
                    throw new IOException(trainedWith instanceof Number weight && weight.doubleValue() > 0
                            ? "cannot resume with --gan-weight: " + folder + " was trained with --gan-weight " + weight + " but its "
                                    + FaceSwapAdversary.CHECKPOINT + " is missing; put it back from a copy of the run, or resume without --gan-weight"
                            : "cannot resume with --gan-weight: " + folder + " was trained without it (it has no "
                                    + FaceSwapAdversary.CHECKPOINT + "); resume without --gan-weight, or start a new --out folder");
                }
                adversary.load(folder);
            }
            Checkpoint.removeLeftovers(checkpoint);
            TrainingLog.keepUpTo(folder, done); // the steps after the checkpoint are done again: logged once
            rng = new Rng(options.seed() + done); // a fresh stream, so a resumed run does not repeat its batches
        }
        Rng stream = rng;
        LandmarkPartners partners = options.augmentation().warpToLandmarks() ? LandmarkPartners.of(data) : null;
        try (TrainingLog log = new TrainingLog(folder, resume)) {
            TrainingLoop.steps(options.steps(), "face swap").resumingAfter(0, done).log(log).progress(options.progress())
                    .guard(model.parameters())
                    .every(options.previewEvery(), at -> {
                        writePreview(model, data, options.device(), folder.resolve("preview.png"));
                        if (options.timelapse() != null) {
                            Timelapse.frame(model, data, options.device(), options.timelapse(), at.step());
                        }
                        if (data.heldOut() != null) {
                            log.evaluation(at.step(), evaluate(model, data, options.device()));
                        }
                    })
                    .checkpoint(options.checkpointEvery(), at -> {
                        save(checkpoint, model, adam, at.step(), options.ganWeight(), data.origin());
                        if (adversary != null) {
                            adversary.save(folder);
                        }
                    })
                    .run(at -> {
                        Map<String, Double> losses = step(model, adam, adversary, data, partners, options, stream);
                        return new TrainingLoop.StepResult(losses.get("loss_a") + losses.get("loss_b"), Map.copyOf(losses));
                    });
            log.writeLossCurve("Face swap: loss of A plus loss of B", "loss.png");
            Map<String, Object> metrics = evaluate(model, data, options.device());
            metrics.put("steps", options.steps());
            metrics.put("seconds", (System.nanoTime() - start) / 1e9);
            metrics.put("parameters", model.parameterCount());
            metrics.put("device", options.device().toString());
            metrics.putAll(config.toMap());
            writeSwapGrid(model, data, options.device(), folder.resolve("swap.png"));
            if (options.timelapse() != null) {
                metrics.put("timelapse_frames", Timelapse.finish(options.timelapse()));
            }
            log.writeSummary(metrics);
            return new Result(metrics, folder);
        }
    }

    /**
     * One training step on both sides; returns the losses by name: loss_a and loss_b (each
     * side's reconstruction loss, plus its adversarial loss when there is an adversary) and,
     * with an adversary, gan_a and gan_b (the adversarial parts) and d_loss_a and d_loss_b
     * (the discriminators' losses, updated after the model).
     */
    static Map<String, Double> step(FaceSwapModel model, Adam adam, FaceSwapAdversary adversary, Data data, LandmarkPartners partners,
                                    FaceSwapOptions options, Rng rng) {
        adam.zeroGrad();
        Tensor total = null;
        Map<String, Double> losses = new LinkedHashMap<>();
        Tensor[] targets = new Tensor[2], faces = new Tensor[2], judgedMasks = new Tensor[2];
        for (Side side : Side.values()) {
            FaceSet own = side == Side.A ? data.a() : data.b();
            int[] picked = randomIndices(own.size(), options.batchSize(), rng);
            FaceSet batch = own.select(picked);
            Tensor references = null;
            if (side == Side.A && options.augmentation().colourMatch() != ColourMatch.Method.NONE) {
                references = data.b().select(randomIndices(data.b().size(), options.batchSize(), rng)).images();
            }
            Tensor warped = partners == null ? null : partners.warp(side, data, picked, rng);
            Augmentation.Example example = options.augmentation().apply(batch, references, warped, rng);
            Device device = options.device();
            Tensor input = example.input().to(device);
            Tensor faceMask = example.faceMask() == null ? null : example.faceMask().to(device);
            FaceSwapModel.Decoded decoded = model.decode(side, model.encode(input));
            Tensor target = example.target().to(device);
            Tensor loss = options.loss().compute(decoded, input, target, faceMask,
                    example.featureMask() == null ? null : example.featureMask().to(device));
            String name = side.name().toLowerCase(java.util.Locale.ROOT);
            if (adversary != null) {
                int s = side.ordinal();
                targets[s] = target;
                faces[s] = decoded.face();
                judgedMasks[s] = decoded.mask() == null ? null : faceMask != null ? faceMask : decoded.mask().detach();
                Tensor adversarial = adversary.decoderLoss(side, faces[s], judgedMasks[s]);
                losses.put("gan_" + name, adversarial.item());
                loss = loss.add(adversarial);
            }
            losses.put("loss_" + name, loss.item());
            total = total == null ? loss : total.add(loss);
        }
        total.backward();
        adam.step();
        if (adversary != null) {
            for (Side side : Side.values()) {
                int s = side.ordinal();
                losses.put("d_loss_" + side.name().toLowerCase(java.util.Locale.ROOT),
                        adversary.discriminatorStep(side, targets[s], faces[s], judgedMasks[s]));
            }
        }
        return losses;
    }

    private static int[] randomIndices(int bound, int count, Rng rng) {
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = rng.nextInt(bound);
        }
        return indices;
    }

    private static void save(Path checkpoint, FaceSwapModel model, Adam adam, long step, double ganWeight, Map<String, Object> origin)
            throws IOException {
        Map<String, Object> config = model.config().toMap();
        config.put("steps_done", step);
        config.put("gan_weight", ganWeight);
        if (!origin.isEmpty()) {
            config.put("data", origin);
        }
        Checkpoint.save(checkpoint, model, adam, config);
    }

    /**
     * Reconstruction PSNR and SSIM of each side and, with held-out pairs, {@code swap_ssim}
     * (swap A→B against B rendered with A's attributes) and {@code baseline_ssim} (B's mean
     * face against the same targets: what a swap that ignores pose and expression scores).
     */
    public static Map<String, Object> evaluate(FaceSwapModel model, Data data, Device device) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        try (var scope = NoGrad.enter(); var evaluating = model.evaluating()) {
            for (Side side : Side.values()) {
                FaceSet faces = data.heldOut() == null ? (side == Side.A ? data.a() : data.b())
                        : (side == Side.A ? data.heldOut().a() : data.heldOut().b());
                double[] reconstruction = SwapMetrics.psnrAndSsim(x -> model.swap(side, x), faces.images(), faces.images(), device, EVALUATION_BATCH);
                String name = side.name().toLowerCase(java.util.Locale.ROOT);
                metrics.put("recon_psnr_" + name, reconstruction[0]);
                metrics.put("recon_ssim_" + name, reconstruction[1]);
            }
            if (data.heldOut() != null) {
                Tensor truth = data.heldOut().b().images();
                double[] swap = SwapMetrics.psnrAndSsim(x -> model.swap(Side.B, x), data.heldOut().a().images(), truth, device, EVALUATION_BATCH);
                Tensor meanFace = data.b().meanFace().to(device);
                double[] baseline = SwapMetrics.psnrAndSsim(x -> meanFace.expand(x.shape()), truth, truth, device, EVALUATION_BATCH);
                metrics.put("swap_ssim", swap[1]);
                metrics.put("baseline_ssim", baseline[1]);
                metrics.put("swap_psnr", swap[0]);
                metrics.put("held_out_pairs", truth.size(0));
            }
        }
        return metrics;
    }

    /**
     * A grid like faceswap's preview: for faces of A the columns are the original, A→A and
     * A→B; then the same for B (B, B→B, B→A). With masks each swap is followed by its mask
     * drawn in red over the original.
     */
    public static void writePreview(FaceSwapModel model, Data data, Device device, Path file) throws IOException {
        List<Tensor> columns = new ArrayList<>();
        int n = Math.min(PREVIEW_FACES, Math.min(data.a().size(), data.b().size()));
        try (var scope = NoGrad.enter(); var evaluating = model.evaluating()) {
            for (Side side : Side.values()) {
                FaceSet set = side == Side.A ? data.a() : data.b();
                Tensor originals = set.images().narrow(0, 0, n).to(device);
                Tensor code = model.encode(originals);
                columns.add(originals);
                for (Side to : new Side[]{side, side.other()}) {
                    FaceSwapModel.Decoded decoded = model.decode(to, code);
                    columns.add(decoded.mask() == null ? decoded.face() : FaceSwapModel.blend(decoded, originals));
                    if (decoded.mask() != null) {
                        columns.add(maskOverlay(originals, decoded.mask()));
                    }
                }
            }
        }
        writeColumns(columns, file);
    }

    /** The original with the mask laid over it in red. */
    private static Tensor maskOverlay(Tensor originals, Tensor mask) {
        Tensor red = Tensor.of(new double[]{1, 0, 0}, originals.dtype(), originals.device(), 1, 3, 1, 1);
        Tensor alpha = mask.mul(0.6);
        return originals.mul(alpha.neg().add(1)).add(red.mul(alpha));
    }

    /** swap.png's grid: {@link #writeSyntheticSwaps} for synthetic data, {@link #writeSwaps} for real faces. */
    static void writeSwapGrid(FaceSwapModel model, Data data, Device device, Path file) throws IOException {
        if (data.heldOut() != null) {
            writeSyntheticSwaps(model, data.heldOut(), device, file);
        } else {
            writeSwaps(model, data, device, file);
        }
    }

    /** For synthetic faces: rows of A's face, the swap A→B, and the correct swap (B with A's attributes). */
    static void writeSyntheticSwaps(FaceSwapModel model, SyntheticFaces.SwapPairs pairs, Device device, Path file) throws IOException {
        int n = Math.min(8, pairs.a().size());
        try (var scope = NoGrad.enter(); var evaluating = model.evaluating()) {
            Tensor a = pairs.a().images().narrow(0, 0, n).to(device);
            writeColumns(List.of(a, model.swap(Side.B, a), pairs.b().images().narrow(0, 0, n).to(device)), file);
        }
    }

    /** For real faces: rows of A, A→B, B, B→A. */
    static void writeSwaps(FaceSwapModel model, Data data, Device device, Path file) throws IOException {
        try (var scope = NoGrad.enter(); var evaluating = model.evaluating()) {
            int n = Math.min(Math.min(8, data.a().size()), data.b().size());
            Tensor a = data.a().images().narrow(0, 0, n).to(device);
            Tensor b = data.b().images().narrow(0, 0, n).to(device);
            writeColumns(List.of(a, model.swap(Side.B, a), b, model.swap(Side.A, b)), file);
        }
    }

    /** Writes equally long batches side by side: row i shows image i of every batch. */
    private static void writeColumns(List<Tensor> columns, Path file) throws IOException {
        Tensor interleaved = Tensor.stack(columns, 1); // [N, columns, 3, S, S]
        int n = interleaved.size(0), s = interleaved.size(3);
        Images.writeGrid(interleaved.reshape(n * columns.size(), 3, s, s).to(Device.CPU), columns.size(), file);
    }
}
