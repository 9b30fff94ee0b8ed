package dev.masquerade.motion;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import dev.masquerade.motion.data.FaceFolders;
import dev.masquerade.motion.data.FramePairs;
import dev.masquerade.motion.data.TalkingFaces;
import dev.masquerade.motion.evaluation.MotionEvaluation;
import dev.masquerade.motion.model.MotionModel;
import dev.masquerade.motion.training.MotionLoss;
import dev.masquerade.nn.io.Checkpoint;
import dev.masquerade.nn.optim.Adam;
import dev.masquerade.nn.train.Resumption;
import dev.masquerade.nn.train.TrainingLog;
import dev.masquerade.nn.train.TrainingLoop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A whole motion training run on synthetic talking faces, and its folder: every step's losses
 * in metrics.jsonl and {@code loss.png}; a preview every few steps ({@code preview_step_NNNNNN.png},
 * step 0 the untrained model); an atomic checkpoint that {@code resume} continues from; and
 * after the last step the figures on held-out clips in metrics.json ({@link MotionEvaluation}).
 */
public final class MotionRun {
    /** Name of the checkpoint manifest in a run folder. */
    public static final String CHECKPOINT = "checkpoint.json";
    private static final int PREVIEWS = 4;

    private MotionRun() {
    }

    /** The command-line options that set a run's settings, for a refusal to resume. */
    private static final Map<String, String> OPTIONS = Map.of("keypoints", "--keypoints", "clips", "--clips", "held_out_clips",
            "--held-out-clips", "frames", "--frames", "batch_size", "--batch-size", "learning_rate", "--lr", "seed", "--seed", "data", "--synthetic or --clips-from");

    /**
     * The steps the run in {@code folder} has done, or the one line that says why it cannot be
     * resumed with these settings (no checkpoint, other settings, no steps left).
     */
    public static long resumable(MotionOptions options, MotionModel.Architecture architecture, Path clipsFrom, Path folder)
            throws IOException {
        return Resumption.stepsDone(folder.resolve(CHECKPOINT), config(options, architecture, clipsFrom), Set.of(), OPTIONS, options.steps());
    }

    /**
     * Trains into {@code folder} (with {@code resume}, continues the run there) on the clips of real
     * frames in the sub-folders of {@code clipsFrom} ({@link FaceFolders}; the last fifth of the
     * clips, at least one, held out), or on synthetic talking faces where it is null. Returns what
     * metrics.json holds.
     */
    public static Map<String, Object> train(MotionOptions options, MotionModel.Architecture architecture, Path clipsFrom, Path folder,
                                            boolean resume) throws IOException {
        long done = resume ? resumable(options, architecture, clipsFrom, folder) : 0; // before the clips are drawn: a refusal costs nothing
        long started = System.nanoTime();
        List<TalkingFaces.Clip> training, heldOut;
        if (clipsFrom == null) {
            Rng data = new Rng(options.seed());
            training = TalkingFaces.clips(options.clips(), options.frames(), architecture.size(), data.split());
            heldOut = TalkingFaces.clips(options.heldOutClips(), options.frames(), architecture.size(), data.split());
        } else {
            List<TalkingFaces.Clip> all = FaceFolders.clips(clipsFrom, architecture.size());
            int held = Math.max(1, all.size() / 5);
            training = all.subList(0, all.size() - held);
            heldOut = all.subList(all.size() - held, all.size());
        }
        MotionModel model = new MotionModel(architecture, new Rng(options.seed() + 1));
        Adam adam = new Adam(model.parameters(), options.learningRate(), 0.5, 0.999);
        Path checkpoint = folder.resolve(CHECKPOINT);
        Map<String, Object> config = config(options, architecture, clipsFrom);
        Files.createDirectories(folder);
        if (resume) {
            Checkpoint.loadInto(checkpoint, model, adam);
            Checkpoint.removeLeftovers(checkpoint);
            TrainingLog.keepUpTo(folder, done);
        }
        Rng rng = new Rng(options.seed() + 2 + done); // a resumed run draws fresh batches
        FramePairs pairs = new FramePairs(training, rng.split());
        FramePairs.Batch previews = new FramePairs(heldOut, new Rng(options.seed() + 3)).next(PREVIEWS);
        if (!resume) {
            MotionPreviews.write(model, previews.source(), previews.driving(), folder.resolve(previewFile(0)));
        }
        try (TrainingLog log = new TrainingLog(folder, resume)) {
            TrainingLoop.Position end = TrainingLoop.steps(options.steps(), "motion")
                    .resumingAfter(0, done).log(log).progress(options.progress())
                    .guard(model.parameters())
                    .every(options.previewEvery(), at -> {
                        MotionPreviews.write(model, previews.source(), previews.driving(), folder.resolve(previewFile(at.step())));
                        log.writeLossCurve("motion model", "loss.png");
                    })
                    .checkpoint(options.checkpointEvery(), at -> Checkpoint.save(checkpoint, model, adam,
                            Resumption.withSteps(config, at.step())))
                    .run(at -> {
                        FramePairs.Batch batch = pairs.next(options.batchSize());
                        model.zeroGrad();
                        Map<String, Tensor> losses = MotionLoss.DEFAULT.of(model, batch.source(), batch.driving(), rng);
                        losses.get("loss").backward();
                        adam.step();
                        Map<String, Object> values = new LinkedHashMap<>();
                        losses.forEach((name, value) -> values.put(name, value.item()));
                        return new TrainingLoop.StepResult((double) values.remove("loss"), values);
                    });
            log.writeLossCurve("motion model", "loss.png");
            Map<String, Object> summary = new LinkedHashMap<>(config);
            summary.putAll(MotionEvaluation.evaluate(model, training, heldOut));
            summary.put("steps", end.step());
            summary.put("seconds", (System.nanoTime() - started) / 1e9);
            summary.put("device", Device.defaultDevice().toString());
            log.writeSummary(summary);
            return summary;
        }
    }

    /** The file of the preview after step s. */
    public static String previewFile(long step) {
        return String.format("preview_step_%06d.png", step);
    }

    /** Restores the model of a checkpoint that {@link #train} wrote. */
    public static MotionModel load(Path checkpoint) throws IOException {
        Map<String, Object> config = Checkpoint.load(checkpoint).config();
        if (!"motion".equals(config.get("kind"))) {
            throw new IOException(checkpoint + " is not a motion checkpoint; pass the checkpoint.json of a 'masquerade motion train' run");
        }
        MotionModel model = new MotionModel(architecture(config), new Rng(0));
        Checkpoint.loadInto(checkpoint, model, Map.of());
        return model;
    }

    private static MotionModel.Architecture architecture(Map<String, Object> c) {
        return new MotionModel.Architecture(number(c, "keypoints"), number(c, "size"), number(c, "expansion"), number(c, "blocks"),
                number(c, "max_channels"), number(c, "generator_expansion"), number(c, "halvings"), number(c, "residual_blocks"));
    }

    private static int number(Map<String, Object> config, String name) {
        return ((Number) config.get(name)).intValue();
    }

    /** What a checkpoint records of a run, and what a resumed run must match. */
    private static Map<String, Object> config(MotionOptions o, MotionModel.Architecture a, Path clipsFrom) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("kind", "motion");
        config.put("data", clipsFrom == null ? "synthetic" : clipsFrom.toAbsolutePath().normalize().toString());
        config.put("keypoints", a.keypoints());
        config.put("size", a.size());
        config.put("expansion", a.expansion());
        config.put("blocks", a.blocks());
        config.put("max_channels", a.maxChannels());
        config.put("generator_expansion", a.generatorExpansion());
        config.put("halvings", a.halvings());
        config.put("residual_blocks", a.residualBlocks());
        config.put("clips", o.clips());
        config.put("held_out_clips", o.heldOutClips());
        config.put("frames", o.frames());
        config.put("batch_size", o.batchSize());
        config.put("learning_rate", o.learningRate());
        config.put("seed", o.seed());
        return config;
    }
}
