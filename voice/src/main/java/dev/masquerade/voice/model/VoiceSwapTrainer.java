package dev.masquerade.voice.model;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.io.Checkpoint;
import dev.masquerade.nn.loss.Losses;
import dev.masquerade.nn.optim.Adam;
import dev.masquerade.nn.train.Resumption;
import dev.masquerade.nn.train.TrainingLog;
import dev.masquerade.nn.train.TrainingLoop;
import dev.masquerade.voice.data.Speech;
import dev.masquerade.voice.audio.Wav;
import dev.masquerade.voice.evaluation.ConversionMeasures;
import dev.masquerade.voice.evaluation.SpeakerJudge;
import dev.masquerade.voice.evaluation.Spectrograms;
import dev.masquerade.voice.signal.LogMelFeatures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trains the voice swap on the shared training loop: each step takes random half-second crops
 * of both speakers' training utterances and reconstructs each through its own decoder (L1 on
 * normalised log-mel frames), one Adam update. The run folder gets metrics.jsonl, preview.png
 * at every checkpoint (a sentence of A's converted so far, {@link #writePreview}), loss.png,
 * the checkpoint and metrics.json, which, when the held-out sentences are parallel, holds the
 * conversion measures ({@link ConversionMeasures}); then also spectrograms.png (A's first
 * held-out sentence, its conversion, B saying it) and samples/ (three sentences as WAV files,
 * each of the three through the same vocoder, so they compare). A resumed run's seconds count
 * its own steps, from resumed_from on.
 */
public final class VoiceSwapTrainer {
    /** The checkpoint's name in a run folder. */
    public static final String CHECKPOINT = "checkpoint.json";
    /** Held-out sentences written as WAV files (source, converted, target) at the end of a run. */
    static final int SAMPLES = 3;
    /** Griffin-Lim rounds for the samples a run writes. */
    public static final int VOCODER_ROUNDS = 32;

    /**
     * @param config          the model's sizes
     * @param steps           training steps in all, counting resumed ones
     * @param batchSize       crops per speaker per step
     * @param crop            frames per crop (even; 64 frames are half a second)
     * @param learningRate    Adam's
     * @param seed            of the initialisation and the crops
     * @param progress        whether to draw progress bars
     * @param checkpointEvery steps between checkpoints
     */
    public record Options(VoiceSwapConfig config, int steps, int batchSize, int crop, double learningRate, long seed, boolean progress,
                          int checkpointEvery) {
        public Options {
            if (steps < 1 || batchSize < 1 || crop < 2 || crop % 2 != 0 || !(learningRate > 0) || checkpointEvery < 1) {
                throw new IllegalArgumentException("voice train: needs steps, batch size and checkpoint interval of at least 1, an even crop of at"
                        + " least 2 frames and a positive learning rate, got " + steps + ", " + batchSize + ", " + checkpointEvery + ", " + crop
                        + " and " + learningRate);
            }
        }

        /** 2,000 steps of 16 crops of 64 frames, Adam at 1e-3, seed 1, a checkpoint every 500 steps. */
        public static Options defaults(VoiceSwapConfig config) {
            return new Options(config, 2000, 16, 64, 1e-3, 1, true, 500);
        }
    }

    private VoiceSwapTrainer() {
    }

    /**
     * Trains on speakers a and b and writes the run folder; with {@code resume}, goes on from its
     * checkpoint. A {@code judge} (null for none) that knows both voices adds who the
     * conversions sound like: as_target and as_source, the fractions of converted held-out
     * sentences it hears as B and as A.
     */
    public static Map<String, Object> train(Speech a, Speech b, Options options, Path folder, boolean resume, SpeakerJudge judge) throws IOException {
        long start = System.nanoTime();
        Path checkpoint = folder.resolve(CHECKPOINT);
        Map<String, Object> settings = settings(a, b, options);
        long done = resume ? stepsDone(a, b, options, folder) : 0;
        VoiceSwapModel model = new VoiceSwapModel(options.config(), new Rng(options.seed()));
        double[][] statistics = Frames.bandStatistics(List.of(a.training(), b.training()));
        model.setNormalisation(statistics[0], statistics[1]);
        Adam adam = new Adam(model.parameters(), options.learningRate(), 0.9, 0.999);
        if (resume) {
            Checkpoint.loadInto(checkpoint, model, adam);
            TrainingLog.keepUpTo(folder, done);
        }
        Rng crops = new Rng(options.seed() * 7919 + done); // a resumed run draws fresh crops
        try (TrainingLog log = new TrainingLog(folder, resume)) {
            TrainingLoop.steps(options.steps(), "voice swap").resumingAfter(0, done).log(log).progress(options.progress())
                    .guard(model.parameters())
                    .every(options.checkpointEvery(), at -> writePreview(model, a, b, folder.resolve("preview.png")))
                    .checkpoint(options.checkpointEvery(), at -> Checkpoint.save(checkpoint, model, adam, Resumption.withSteps(settings, at.step())))
                    .run(at -> {
                        adam.zeroGrad();
                        Tensor xa = model.normalise(Frames.crops(a.training(), options.batchSize(), options.crop(), crops));
                        Tensor xb = model.normalise(Frames.crops(b.training(), options.batchSize(), options.crop(), crops));
                        Tensor lossA = Losses.l1(model.convert(VoiceSwapModel.Speaker.A, xa), xa);
                        Tensor lossB = Losses.l1(model.convert(VoiceSwapModel.Speaker.B, xb), xb);
                        Tensor loss = lossA.add(lossB);
                        loss.backward();
                        adam.step();
                        return new TrainingLoop.StepResult(loss.item(), Map.of("loss_a", lossA.item(), "loss_b", lossB.item()));
                    });
            log.writeLossCurve("Voice swap: L1 of A plus L1 of B (normalised log-mel)", "loss.png");
            Map<String, Object> metrics = new LinkedHashMap<>(settings);
            if (a.parallelTo(b)) {
                List<double[][]> converted = convert(model, a.heldOut(), VoiceSwapModel.Speaker.B);
                ConversionMeasures measures = ConversionMeasures.of(converted, a.heldOut(), b.heldOut());
                Spectrograms.write(List.of(a.heldOut().get(0), converted.get(0), b.heldOut().get(0)), folder.resolve("spectrograms.png"));
                for (int i = 0; i < Math.min(SAMPLES, converted.size()); i++) {
                    writeSamples(folder.resolve("samples"), a.heldOutNames().get(i), i, a.heldOut().get(i), converted.get(i), b.heldOut().get(i));
                }
                metrics.put("mcd_db", measures.mcdDb());
                metrics.put("baseline_mcd_db", measures.baselineMcdDb());
                metrics.put("source_mcd_db", measures.sourceMcdDb());
                metrics.put("content_match", measures.contentMatch());
                metrics.put("held_out", measures.utterances());
                if (judge != null && judge.voices().contains(voice(a)) && judge.voices().contains(voice(b))) {
                    metrics.put("as_target", judge.heardAs(converted, voice(b)));
                    metrics.put("as_source", judge.heardAs(converted, voice(a)));
                    metrics.put("judge_accuracy", judge.accuracy());
                }
            }
            metrics.put("steps", options.steps());
            if (done > 0) {
                metrics.put("resumed_from", done); // seconds counts this session's steps only
            }
            metrics.put("seconds", (System.nanoTime() - start) / 1e9);
            metrics.put("parameters", model.parameterCount());
            log.writeSummary(metrics);
            return metrics;
        }
    }

    /**
     * The steps a run folder's checkpoint has done, or one line saying why the run cannot go on
     * from it (no checkpoint, other speakers or sizes, no steps left): for a caller to check
     * before it spends time on anything else.
     */
    public static long stepsDone(Speech a, Speech b, Options options, Path folder) throws IOException {
        return Resumption.stepsDone(folder.resolve(CHECKPOINT), settings(a, b, options), Set.of(), Map.of("a", "--a", "b", "--b",
                "width", "--width", "code", "--code", "decoders", "--decoders", "seed", "--seed", "model", "the model"), options.steps());
    }

    private static Map<String, Object> settings(Speech a, Speech b, Options options) {
        Map<String, Object> settings = new LinkedHashMap<>(options.config().toMap());
        settings.put("a", a.name());
        settings.put("b", b.name());
        settings.put("seed", options.seed());
        return settings;
    }

    /** A corpus speaker's voice ("flite:awb" → "awb"). */
    private static String voice(Speech speech) {
        return speech.name().replaceFirst("^flite:", "");
    }

    /**
     * Held-out sentence i as three WAV files named after it (s100_a_source.wav, s100_a_as_b.wav,
     * s100_b_target.wav): the source, its conversion and the target's own rendering, all through the vocoder.
     */
    private static void writeSamples(Path folder, String name, int i, double[][] source, double[][] converted, double[][] target)
            throws IOException {
        java.nio.file.Files.createDirectories(folder);
        String stem = name.replaceFirst("(?i)\\.wav$", "") + "_";
        Wav.write(LogMelFeatures.toSound(source, VOCODER_ROUNDS, i), folder.resolve(stem + "a_source.wav"));
        Wav.write(LogMelFeatures.toSound(converted, VOCODER_ROUNDS, i), folder.resolve(stem + "a_as_b.wav"));
        Wav.write(LogMelFeatures.toSound(target, VOCODER_ROUNDS, i), folder.resolve(stem + "b_target.wav"));
    }

    /**
     * preview.png: A's first held-out sentence (or, with none, A's first training utterance), its
     * conversion as it stands, and B saying it where B did.
     */
    private static void writePreview(VoiceSwapModel model, Speech a, Speech b, Path png) throws IOException {
        double[][] source = a.heldOut().isEmpty() ? a.training().get(0) : a.heldOut().get(0);
        List<double[][]> rows = new ArrayList<>(List.of(source, convert(model, List.<double[][]>of(source), VoiceSwapModel.Speaker.B).get(0)));
        if (a.parallelTo(b)) {
            rows.add(b.heldOut().get(0));
        }
        Spectrograms.write(rows, png);
    }

    /** Utterances said again by {@code to}: log-mel frames in, log-mel frames out (an even number of frames). */
    public static List<double[][]> convert(VoiceSwapModel model, List<double[][]> utterances, VoiceSwapModel.Speaker to) {
        List<double[][]> out = new ArrayList<>();
        try (var scope = NoGrad.enter(); var evaluating = model.evaluating()) {
            for (double[][] utterance : utterances) {
                out.add(Frames.toArray(model.denormalise(model.convert(to, model.normalise(Frames.of(utterance))))));
            }
        }
        return out;
    }
}
