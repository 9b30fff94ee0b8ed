package dev.masquerade.translation;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import dev.masquerade.gan.GanPlots;
import dev.masquerade.nn.Layer;
import dev.masquerade.nn.Parameter;
import dev.masquerade.nn.io.Checkpoint;
import dev.masquerade.nn.layers.Upsampling;
import dev.masquerade.nn.optim.Adam;
import dev.masquerade.nn.optim.Optimizer;
import dev.masquerade.nn.train.Resumption;
import dev.masquerade.nn.train.TrainingLog;
import dev.masquerade.nn.train.TrainingLoop;
import dev.masquerade.translation.models.Norm;
import dev.masquerade.translation.tasks.TranslationTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A whole translation run and its folder: every step's loss terms in metrics.jsonl and
 * {@code loss.png}; a preview every few steps ({@code preview_step_NNNNNN.png}: per held-out
 * example its input, the output and the truth, and for CycleGAN the way back; step 0 is the
 * untrained generator); an atomic checkpoint that {@code resume} continues from; and after the
 * last step the task's figures on held-out pictures in metrics.json.
 */
public final class TranslationRun {
    /** Name of the checkpoint manifest in a run folder. */
    public static final String CHECKPOINT = "checkpoint.json";

    private TranslationRun() {
    }

    /** What a run produced: the summary written to metrics.json, and the folder. */
    public record Result(Map<String, Object> summary, Path folder) {
    }

    /** Trains a model on a task into {@code folder}; with {@code resume}, continues the run there. */
    public static Result train(TranslationTask task, TranslationOptions options, Path folder, boolean resume) throws IOException {
        long started = System.nanoTime();
        TranslationModel model = options.model();
        if (model.needsPairs() && !task.hasPairs()) {
            throw new IllegalArgumentException(task.cliName() + " has no aligned pairs, which " + model.cliName()
                    + " learns from: train it with --model cyclegan");
        }
        TranslationModel.Design design = design(task, options);
        int batchSize = options.batchSize() > 0 ? options.batchSize() : task.architecture().batchSize();
        Rng rng = new Rng(options.seed());
        TranslationModel.Networks networks = model.build(design, rng.split());
        Map<String, Optimizer> optimizers = optimizers(networks, options);
        Path checkpoint = folder.resolve(CHECKPOINT);
        Map<String, Object> config = config(task, options, design, batchSize);
        long done = 0;
        Files.createDirectories(folder);
        if (resume) {
            done = resumeInto(checkpoint, networks, optimizers, config, options);
            TrainingLog.keepUpTo(folder, done); // the steps after the checkpoint are done again: logged once
            rng = new Rng(options.seed() + done); // a fresh stream, so a resumed run does not repeat its batches
        }
        Supplier<TranslationTask.Batch> batches = task.batches(batchSize, model.needsPairs(), rng.split());
        Stepper stepper = stepper(networks, optimizers, options, rng.split());
        TranslationTask.Batch previews = task.previews();
        if (!resume) {
            Previews.write(networks, previews, folder.resolve(previewFile(0)));
        }
        Map<String, List<String>> curves = stepper.curves();
        try (TrainingLog log = new TrainingLog(folder, resume)) {
            TrainingLoop.Position end = TrainingLoop.steps(options.steps(), task.cliName() + " " + model.cliName())
                    .resumingAfter(0, done).log(log).progress(options.progress())
                    .guard(networks.parameters())
                    .every(options.previewEvery(), at -> {
                        Previews.write(networks, previews, folder.resolve(previewFile(at.step())));
                        GanPlots.writeLogged(folder.resolve("metrics.jsonl"), curves, folder.resolve("loss.png"));
                    })
                    .checkpoint(options.checkpointEvery(), at -> Checkpoint.save(checkpoint, networks, optimizers,
                            Resumption.withSteps(config, at.step())))
                    .run(at -> {
                        double factor = options.learningRateFactor(at.step());
                        optimizers.values().forEach(o -> o.setLearningRate(options.learningRate() * factor));
                        TranslationTask.Batch batch = batches.get();
                        return stepper.step(batch.a(), batch.b());
                    });
            Map<String, Object> summary = new LinkedHashMap<>(config);
            summary.putAll(task.evaluate(translator(networks.forward()), networks.backward() == null ? null : translator(networks.backward())));
            summary.put("steps", end.step());
            summary.put("seconds", (System.nanoTime() - started) / 1e9);
            summary.put("device", Device.defaultDevice().toString());
            log.writeSummary(summary);
            return new Result(summary, folder);
        }
    }

    /** The file of the preview after step s. */
    public static String previewFile(long step) {
        return String.format("preview_step_%06d.png", step);
    }

    /** A generator as a translator of pictures in [−1, 1]: evaluation mode (no dropout), no graph. */
    public static UnaryOperator<Tensor> translator(Layer generator) {
        return x -> {
            try (var scope = NoGrad.enter(); var evaluating = generator.evaluating()) {
                return generator.forward(x);
            }
        };
    }

    /** A trained run: its task's name, its model and networks. */
    public record Trained(String task, TranslationModel model, TranslationModel.Networks networks) {
    }

    /** Restores the networks of a checkpoint that {@link #train} wrote. */
    public static Trained load(Path checkpoint) throws IOException {
        Map<String, Object> config = Checkpoint.load(checkpoint).config();
        if (!config.containsKey("task") || !config.containsKey("unet_depth")) {
            throw new IOException(checkpoint + " is not a translation checkpoint; pass the checkpoint.json of a 'masquerade translate train' run");
        }
        TranslationModel model = TranslationModel.parse(config.get("model").toString());
        int batchSize = number(config, "batch_size");
        TranslationTask.Architecture architecture = new TranslationTask.Architecture(number(config, "unet_depth"),
                number(config, "discriminator_layers"), number(config, "width"), number(config, "resnet_blocks"), batchSize,
                Boolean.TRUE.equals(config.get("residual")));
        TranslationModel.Networks networks = model.build(new TranslationModel.Design(architecture, Norm.parse(config.get("norm").toString()),
                Upsampling.parse(config.get("upsampling").toString()), number(config, "channels")), new Rng(0));
        Checkpoint.loadInto(checkpoint, networks, Map.of());
        return new Trained(config.get("task").toString(), model, networks);
    }

    private static int number(Map<String, Object> config, String name) {
        return ((Number) config.get(name)).intValue();
    }

    /** The networks' design: the task's sizes, the width if the options give one, their normalisation and upsampling. */
    static TranslationModel.Design design(TranslationTask task, TranslationOptions options) {
        TranslationTask.Architecture a = task.architecture();
        TranslationTask.Architecture sized = options.width() > 0
                ? new TranslationTask.Architecture(a.unetDepth(), a.discriminatorLayers(), options.width(), a.resnetBlocks(), a.batchSize(),
                a.residual()) : a;
        return new TranslationModel.Design(sized, options.norm(), options.upsampling(), task.channels());
    }

    private static Map<String, Optimizer> optimizers(TranslationModel.Networks networks, TranslationOptions options) {
        Map<String, Optimizer> optimizers = new LinkedHashMap<>();
        optimizers.put("generators", adam(networks, networks.generatorNames(), options));
        if (!networks.discriminatorNames().isEmpty()) {
            optimizers.put("discriminators", adam(networks, networks.discriminatorNames(), options));
        }
        return optimizers;
    }

    private static Optimizer adam(TranslationModel.Networks networks, List<String> names, TranslationOptions options) {
        List<Parameter> parameters = new ArrayList<>();
        names.forEach(name -> parameters.addAll(networks.part(name).parameters()));
        return new Adam(parameters, options.learningRate(), options.beta1(), 0.999);
    }

    /** What a checkpoint records of a run, and what a resumed run must match. */
    private static Map<String, Object> config(TranslationTask task, TranslationOptions options, TranslationModel.Design design, int batchSize) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("task", task.cliName());
        config.put("model", options.model().cliName());
        config.put("upsampling", options.upsampling().cliName());
        config.put("norm", options.norm().cliName());
        config.put("channels", design.channels());
        config.put("size", task.size());
        config.put("width", design.architecture().width());
        config.put("unet_depth", design.architecture().unetDepth());
        config.put("resnet_blocks", design.architecture().resnetBlocks());
        config.put("discriminator_layers", design.architecture().discriminatorLayers());
        config.put("residual", design.architecture().residual());
        config.put("batch_size", batchSize);
        config.put("lambda", options.effectiveLambda());
        config.put("seed", options.seed());
        return config;
    }

    private static long resumeInto(Path checkpoint, TranslationModel.Networks networks, Map<String, Optimizer> optimizers,
                                   Map<String, Object> config, TranslationOptions options) throws IOException {
        long done = Resumption.stepsDone(checkpoint, config, Set.of("seed", "size"), options.steps()); // the task fixes the size; runs before 2026-12 did not record it
        Checkpoint.loadInto(checkpoint, networks, optimizers);
        Checkpoint.removeLeftovers(checkpoint);
        return done;
    }

    /** One training step of a model, and the names of what it logs, for loss.png. */
    private interface Stepper {
        TrainingLoop.StepResult step(Tensor a, Tensor b);

        Map<String, List<String>> curves();
    }

    private static Stepper stepper(TranslationModel.Networks networks, Map<String, Optimizer> optimizers, TranslationOptions options, Rng rng) {
        double lambda = options.effectiveLambda();
        if (options.model() == TranslationModel.CYCLEGAN) {
            CycleGan cycleGan = new CycleGan(new CycleGan.Networks(networks.part("generator_ab"), networks.part("generator_ba"),
                    networks.part("discriminator_b"), networks.part("discriminator_a")), optimizers.get("generators"),
                    optimizers.get("discriminators"), Objective.LSGAN, lambda, options.identity(),
                    new HistoryBuffer(HistoryBuffer.CAPACITY, rng.split()), new HistoryBuffer(HistoryBuffer.CAPACITY, rng.split()));
            return new Stepper() {
                @Override
                public TrainingLoop.StepResult step(Tensor a, Tensor b) {
                    CycleGan.StepReport r = cycleGan.step(a, b);
                    double total = r.adversarial() + lambda * r.cycle() + options.identity() * lambda * r.identity();
                    return new TrainingLoop.StepResult(total, values("g_adversarial", r.adversarial(), "cycle_l1", r.cycle(),
                            "identity_l1", r.identity(), "d_b_loss", r.discriminatorB(), "d_a_loss", r.discriminatorA()));
                }

                @Override
                public Map<String, List<String>> curves() {
                    return panels("generators", List.of("g_adversarial", "cycle_l1", "identity_l1"), "discriminators",
                            List.of("d_b_loss", "d_a_loss"));
                }
            };
        }
        Layer discriminator = options.model() == TranslationModel.PIX2PIX ? networks.part("discriminator") : null;
        Pix2Pix pix2pix = new Pix2Pix(networks.part("generator"), discriminator, optimizers.get("generators"),
                optimizers.get("discriminators"), Objective.VANILLA, lambda);
        return new Stepper() {
            @Override
            public TrainingLoop.StepResult step(Tensor a, Tensor b) {
                Pix2Pix.StepReport r = pix2pix.step(a, b);
                return new TrainingLoop.StepResult(r.generatorLoss(lambda), discriminator == null ? values("l1", r.l1())
                        : values("g_adversarial", r.generatorAdversarial(), "l1", r.l1(), "d_loss", r.discriminatorLoss(),
                        "d_real", r.dReal(), "d_fake", r.dFake()));
            }

            @Override
            public Map<String, List<String>> curves() {
                return discriminator == null ? panels("L1 to the truth", List.of("l1"))
                        : panels("generator: adversarial and L1 terms", List.of("g_adversarial", "l1"), "discriminator",
                        List.of("d_loss", "d_real", "d_fake"));
            }
        };
    }

    private static Map<String, Object> values(Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> panels(Object... titlesAndNames) {
        Map<String, List<String>> panels = new LinkedHashMap<>();
        for (int i = 0; i < titlesAndNames.length; i += 2) {
            panels.put((String) titlesAndNames[i], (List<String>) titlesAndNames[i + 1]);
        }
        return panels;
    }
}
