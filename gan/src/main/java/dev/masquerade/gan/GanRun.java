package dev.masquerade.gan;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import dev.masquerade.gan.metrics.CollapseWatch;
import dev.masquerade.nn.Initialisation;
import dev.masquerade.nn.Layer;
import dev.masquerade.nn.Module;
import dev.masquerade.nn.io.Checkpoint;
import dev.masquerade.nn.layers.Upsampling;
import dev.masquerade.nn.optim.Adam;
import dev.masquerade.nn.optim.Optimizer;
import dev.masquerade.nn.train.TrainingLog;
import dev.masquerade.nn.train.TrainingLoop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * A whole GAN training run and its folder: per-step values in metrics.jsonl (losses, D(x),
 * D(G(z)) before and after the generator's update, the generator's gradient norm), a sample
 * picture from fixed noise per epoch ({@code samples_epoch_NNN.png}; epoch 0 is the untrained
 * generator), {@code loss.png}, the task's metrics per epoch, warnings when training collapses,
 * an atomic checkpoint per epoch that {@code resume} continues from, and metrics.json.
 */
public final class GanRun {
    /** Name of the checkpoint manifest in a run folder. */
    public static final String CHECKPOINT = "checkpoint.json";

    private GanRun() {
    }

    /** What a run produced: the summary written to metrics.json, and the folder. */
    public record Result(Map<String, Object> summary, Path folder) {
    }

    /** Mixed into the seed for the initialisation's own random stream. */
    private static final long INITIALISATION_STREAM = 0x1417_0000_0000L;

    /** The two networks under one module, so that one checkpoint holds both ("generator.…", "discriminator.…"). */
    public static final class Pair extends Module {
        /** The generator as "generator", the discriminator as "discriminator". */
        public Pair(Module generator, Module discriminator) {
            child("generator", generator);
            child("discriminator", discriminator);
        }

    }

    /**
     * Checks, before anything is prepared for it, that the run in {@code folder} can be resumed as
     * a run of {@code model}: it has a checkpoint, of that model's data set.
     */
    public static void requireResumable(Path folder, GanModel model) throws IOException {
        Path checkpoint = folder.resolve(CHECKPOINT);
        if (!Files.exists(checkpoint)) {
            throw new IOException("cannot resume: " + folder + " has no " + CHECKPOINT + " (start without --resume)");
        }
        requireSame(Checkpoint.load(checkpoint).config(), "task", "--dataset", model.cliName(), checkpoint);
    }

    /** Trains on a task and writes the run folder; with {@code resume}, continues from its checkpoint. */
    public static Result train(GanTask task, GanOptions options, Path folder, boolean resume) throws IOException {
        long started = System.nanoTime();
        Path checkpoint = folder.resolve(CHECKPOINT);
        if (resume) {
            requireResumable(folder, task.model());
            // before the generator is built: another upsampling is another architecture, which the checkpoint would not fit
            requireSame(Checkpoint.load(checkpoint).config(), "upsampling", "--upsampling", options.upsampling().cliName(), checkpoint);
        }
        Rng rng = new Rng(options.seed());
        GanModel model = task.model();
        Layer generator = model.generator(rng.split(), options.upsampling());
        Layer discriminator = model.discriminator(rng.split());
        Initialisation scheme = Initialisation.parse(options.init());
        if (scheme != Initialisation.DEFAULT) {
            // a stream of its own, so that the noise and batches after it are those of a default run with the same seed
            Rng initialisation = new Rng(options.seed() ^ INITIALISATION_STREAM);
            generator.initialise(scheme, initialisation);
            discriminator.initialise(scheme, initialisation);
        }
        Tensor fixedNoise = Tensor.randn(rng.split(), model.samplesPerPicture(), model.noiseSize());
        Optimizer generatorOptimizer = new Adam(generator.parameters(), options.learningRate(), options.beta1(), 0.999);
        Optimizer discriminatorOptimizer = new Adam(discriminator.parameters(), options.learningRate(), options.beta1(), 0.999);
        Pair pair = new Pair(generator, discriminator);
        Map<String, Optimizer> optimizers = Map.of("generator", generatorOptimizer, "discriminator", discriminatorOptimizer);
        Files.createDirectories(folder);
        int epochsDone = 0;
        long step = 0;
        Map<String, Object> baselines;
        GanPlots.Curves curves;
        if (resume) {
            Map<String, Object> config = Checkpoint.loadInto(checkpoint, pair, optimizers);
            requireSame(config, "loss", "--loss", options.loss().cliName(), checkpoint);
            // both set the steps of an epoch, which the checkpoint's count of steps assumes
            requireSame(config, "d_steps", "--d-steps", String.valueOf(options.discriminatorSteps()), checkpoint);
            requireSame(config, "batch_size", "--batch-size", String.valueOf(options.batchSize()), checkpoint);
            epochsDone = ((Number) config.get("epochs_done")).intValue();
            if (epochsDone >= options.epochs()) {
                throw new IOException("nothing to resume: " + folder + " has trained " + epochsDone + " epochs already; pass --epochs "
                        + "above " + epochsDone + " to train on");
            }
            step = ((Number) config.get("steps_done")).longValue();
            Checkpoint.removeLeftovers(checkpoint);
            TrainingLog.keepUpTo(folder, step); // the steps after the checkpoint are done again: logged once
            @SuppressWarnings("unchecked")
            Map<String, Object> saved = (Map<String, Object>) config.get("baselines");
            baselines = saved;
            curves = GanPlots.Curves.read(folder.resolve("metrics.jsonl"));
            rng = new Rng(options.seed() + epochsDone); // a fresh stream, so a resumed run does not repeat its batches
        } else {
            baselines = task.baselines(generator, rng.split()); // the generator is still untrained: the ceiling
            model.draw(sample(generator, fixedNoise), "untrained", folder.resolve(samplesFile(0)));
            curves = new GanPlots.Curves();
        }
        GanTrainer trainer = new GanTrainer(generator, discriminator, generatorOptimizer, discriminatorOptimizer, options.loss(),
                options.discriminatorSteps(), options.smoothing());
        Supplier<Tensor> realBatches = task.realBatches(options.batchSize(), rng.split());
        Rng noiseRng = rng.split();
        IntFunction<Tensor> noise = n -> Tensor.randn(noiseRng, n, model.noiseSize());
        int stepsPerEpoch = Math.max(1, task.batchesPerEpoch(options.batchSize()) / options.discriminatorSteps());
        CollapseWatch watch = new CollapseWatch();
        List<String> warnings = new ArrayList<>();
        GanTrainer.StepReport[] latest = new GanTrainer.StepReport[1]; // the step's report, for the listener after it is logged
        List<Map<String, Object>> last = new ArrayList<>(List.of(Map.of())); // the latest epoch's evaluation
        Rng evaluationRng = rng;
        TrainingLoop.Position end;
        try (TrainingLog log = new TrainingLog(folder, resume)) {
            end = TrainingLoop.epochs(options.epochs(), stepsPerEpoch).resumingAfter(epochsDone, step).log(log).progress(options.progress())
                    .guard(pair.parameters())
                    .afterStep((at, result) -> {
                        curves.add(at.step(), latest[0]);
                        warn(watch.step(at.step(), latest[0].discriminatorLoss()), log, at.step(), warnings);
                    })
                    .afterEpoch(at -> {
                        GanTask.Evaluation evaluation = task.evaluate(generator, evaluationRng.split());
                        warn(watch.coverage("epoch " + at.epoch(), evaluation.covered(), evaluation.of()), log, at.step(), warnings);
                        Map<String, Object> values = new LinkedHashMap<>(evaluation.metrics());
                        values.put("seconds", (System.nanoTime() - started) / 1e9);
                        log.epoch(at.epoch(), values);
                        last.set(0, evaluation.metrics());
                        model.draw(sample(generator, fixedNoise), "epoch " + at.epoch(), folder.resolve(samplesFile(at.epoch())));
                        GanPlots.writeCurves(curves, model.cliName() + ", " + options.loss().cliName() + " loss", folder.resolve("loss.png"));
                    })
                    .checkpoint(0, at -> Checkpoint.save(checkpoint, pair, optimizers, config(task, options, at.epoch(), at.step(), baselines)))
                    .run(at -> {
                        latest[0] = trainer.step(realBatches, noise);
                        return new TrainingLoop.StepResult(latest[0].generatorLoss(), stepValues(latest[0]));
                    });
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("task", task.model().cliName());
            summary.put("loss", options.loss().cliName());
            summary.put("d_steps", options.discriminatorSteps());
            summary.put("smoothing", options.smoothing());
            summary.put("upsampling", options.upsampling().cliName());
            summary.putAll(last.get(0));
            summary.putAll(baselines);
            summary.put("epochs", options.epochs());
            summary.put("steps", end.step());
            summary.put("seconds", (System.nanoTime() - started) / 1e9);
            summary.put("device", Device.defaultDevice().toString());
            summary.put("warnings", warnings);
            log.writeSummary(summary);
            return new Result(summary, folder);
        }
    }

    /** The file of epoch e's sample picture. */
    public static String samplesFile(int epoch) {
        return String.format("samples_epoch_%03d.png", epoch);
    }

    /**
     * The generator's samples for some noise, in evaluation mode (batch normalisation uses its
     * running statistics, so a sample does not depend on the others in its batch) and without
     * recording gradients.
     */
    public static Tensor sample(Layer generator, Tensor noise) {
        try (var scope = NoGrad.enter(); var evaluating = generator.evaluating()) {
            return generator.forward(noise);
        }
    }

    /** The model, generator and discriminator of a checkpoint that {@link #train} wrote. */
    public record Trained(GanModel model, Layer generator, Layer discriminator) {
    }

    /** Restores the networks of a checkpoint that {@link #train} wrote, whichever its task. */
    public static Trained load(Path checkpoint) throws IOException {
        Map<String, Object> config = Checkpoint.load(checkpoint).config();
        Object task = config.get("task");
        if (task == null) {
            throw new IOException(checkpoint + " is not a GAN checkpoint (its config names no task); pass the checkpoint.json of a "
                    + "'masquerade gan train' run");
        }
        GanModel model = GanModel.parse(task.toString());
        // runs from before the choice have no "upsampling": theirs was the paper's transposed convolution
        Layer generator = model.generator(new Rng(0), Upsampling.parse(String.valueOf(config.getOrDefault("upsampling", "transposed"))));
        Layer discriminator = model.discriminator(new Rng(0));
        Checkpoint.loadInto(checkpoint, new Pair(generator, discriminator), Map.of());
        return new Trained(model, generator, discriminator);
    }

    private static Map<String, Object> stepValues(GanTrainer.StepReport report) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("d_loss", report.discriminatorLoss());
        values.put("g_loss", report.generatorLoss());
        values.put("d_real", report.dReal());
        values.put("d_fake_before", report.dFakeBefore());
        values.put("d_fake_after", report.dFakeAfter());
        values.put("g_grad_norm", report.generatorGradientNorm());
        return values;
    }

    private static void warn(List<String> found, TrainingLog log, long step, List<String> warnings) {
        for (String warning : found) {
            System.err.println("warning: " + warning);
            log.evaluation(step, Map.of("warning", warning));
            warnings.add(warning);
        }
    }

    private static Map<String, Object> config(GanTask task, GanOptions options, int epochsDone, long stepsDone, Map<String, Object> baselines) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("model", "gan");
        config.put("task", task.model().cliName());
        config.put("loss", options.loss().cliName());
        config.put("d_steps", options.discriminatorSteps());
        config.put("batch_size", options.batchSize());
        config.put("init", options.init());
        config.put("upsampling", options.upsampling().cliName());
        config.put("epochs_done", epochsDone);
        config.put("steps_done", stepsDone);
        config.put("baselines", baselines);
        return config;
    }

    /** Refuses to resume with {@code option} other than the checkpoint's {@code key} (where the checkpoint records it). */
    private static void requireSame(Map<String, Object> config, String key, String option, String expected, Path checkpoint)
            throws IOException {
        if (config.containsKey(key) && !expected.equals(String.valueOf(config.get(key)))) {
            throw new IOException("cannot resume: " + checkpoint + " was trained with " + option + " " + config.get(key) + ", not "
                    + expected + " (use the same " + option + ", or a new --out folder)");
        }
    }
}
