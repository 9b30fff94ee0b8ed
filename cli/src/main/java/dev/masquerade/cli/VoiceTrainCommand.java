package dev.masquerade.cli;

import dev.masquerade.voice.data.Speech;
import dev.masquerade.voice.data.VoiceCorpus;
import dev.masquerade.voice.evaluation.SpeakerJudge;
import dev.masquerade.voice.model.VoiceSwapConfig;
import dev.masquerade.voice.model.VoiceSwapTrainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code masquerade voice train}: the voice swap on two speakers, flite's voices or folders of recordings. */
@Command(mixinStandardHelpOptions = true, name = "train",
        description = {"Train the voice swap on two speakers: flite:VOICE (awb, rms, slt, kal16: the corpus scripts/fetch-voices.sh"
                + " builds, where every voice says every sentence, so conversions of held-out sentences are measured against the truth)"
                + " or a folder of WAV files (with, if both speakers read the same sentences, those in a held-out/ folder of each, under"
                + " the same file names).",
                "Writes loss.png, metrics.jsonl, metrics.json and checkpoint.json into the run folder; with held-out sentences both"
                        + " speakers said also mcd_db against baseline_mcd_db, source_mcd_db and content_match in metrics.json,"
                        + " spectrograms.png and samples/*.wav; with two flite voices also as_target and as_source (from a speaker"
                        + " classifier trained on all four voices); preview.png (a held-out sentence converted so far) at every quarter.",
                "--resume goes on from the run's checkpoint with the same --a, --b, --width, --code, --decoders and --seed; --steps counts"
                        + " every step, the resumed ones too."})
final class VoiceTrainCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private RunOptions run;

    @Option(names = "--a", required = true, paramLabel = "DIR|flite:VOICE", description = "Speaker A: a folder of WAV files (held-out ones in"
            + " DIR/held-out), or a voice of the corpus.")
    private String a;

    @Option(names = "--b", required = true, paramLabel = "DIR|flite:VOICE", description = "Speaker B, the voice conversions speak in.")
    private String b;

    @Option(names = "--corpus", paramLabel = "DIR", description = "Where scripts/fetch-voices.sh put the corpus (default: ~/.cache/masquerade/voices).")
    private Path corpus;

    @Option(names = "--steps", defaultValue = "2000", description = "Training steps (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--code", defaultValue = "" + VoiceSwapConfig.DEFAULT_CODE, description = "Channels of the shared code, the bottleneck"
            + " (default: ${DEFAULT-VALUE}; wider codes let the source voice through, 1 loses words; compare widths with 'voice compare').")
    private int code;

    @Option(names = "--decoders", defaultValue = "per-speaker", paramLabel = "per-speaker|shared", description = "One decoder per speaker"
            + " (default), or one shared decoder told which speaker to be: the comparison that shows a wide code leaking the source voice.")
    private String decoders;

    @Option(names = "--width", defaultValue = "" + VoiceSwapConfig.DEFAULT_WIDTH,
            description = "Channels of the hidden layers (default: ${DEFAULT-VALUE}).")
    private int width;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Adam's learning rate (default: ${DEFAULT-VALUE}).")
    private double learningRate;

    @Mixin
    private ResumeOption resumeOption;

    @Override
    public Integer call() throws Exception {
        for (Object[] check : new Object[][] {{"--steps", steps}, {"--code", code}, {"--width", width}}) {
            if ((Integer) check[1] < 1) {
                throw new IllegalArgumentException(check[0] + " must be at least 1, got " + check[1]);
            }
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("--lr must be above 0, got " + learningRate);
        }
        if (a.equals(b)) {
            throw new IllegalArgumentException("--a and --b are both " + a + "; a voice swap needs two different speakers");
        }
        VoiceSwapTrainer.Options options = new VoiceSwapTrainer.Options(new VoiceSwapConfig(width, code, VoiceSwapConfig.Decoders.of(decoders)), steps, 16, 64, learningRate,
                run.seed, run.progress(), Math.max(1, steps / 4));
        boolean resume = resumeOption.requested(run);
        Path folder = run.folder(resumeOption);
        Speech first = speech(a, folder), second = speech(b, folder);
        boolean corpusAndFolder = a.startsWith("flite:") != b.startsWith("flite:");
        if (!corpusAndFolder) {
            Speech.requireParallelOrApart(first, second);
        }
        if (resume) {
            VoiceSwapTrainer.stepsDone(first, second, options, folder); // refuses before the speaker classifier's training
        }
        var out = spec.commandLine().getOut();
        for (Speech speaker : List.of(first, second)) {
            speaker.notes().forEach(note -> out.println(speaker.name() + "/" + note));
        }
        out.printf("Training the voice swap (width %d, code %d, %s decoders) on %s (%s) and %s (%s) %s; run folder %s%n", width,
                code, decoders, first.name(), utterances(first), second.name(), utterances(second),
                resume ? "up to step " + steps : "for " + steps + " steps", folder);
        if (!first.parallelTo(second)) {
            out.println(corpusAndFolder ? "no conversion measures: a folder's held-out recordings are compared only with another folder's"
                    : "no conversion measures: they need the same sentences from both speakers in held-out/ folders, under the same file names");
        }
        out.flush();
        SpeakerJudge judge = null;
        if (a.startsWith("flite:") && b.startsWith("flite:")) {
            out.println("training a speaker classifier on the training sentences of every flite voice, to judge whose voice the conversions have");
            out.flush();
            judge = SpeakerJudge.ofCorpus(VoiceCorpus.open(corpus()), run.seed);
        }
        Map<String, Object> s = VoiceSwapTrainer.train(first, second, options, folder, resume, judge);
        if (s.containsKey("mcd_db")) {
            out.printf("held-out sentences of A said as B: MCD %.2f dB against B's own (A unconverted: %.2f dB), %.2f dB against A's own;"
                    + " %.0f%% still closest to their own sentence%n", number(s, "mcd_db"), number(s, "baseline_mcd_db"), number(s, "source_mcd_db"),
                    100 * number(s, "content_match"));
        }
        if (s.containsKey("as_target")) {
            out.printf("a speaker classifier (right on %.0f%% of real held-out sentences) hears %.0f%% of the conversions as %s and %.0f%% as %s%n",
                    100 * number(s, "judge_accuracy"), 100 * number(s, "as_target"), b, 100 * number(s, "as_source"), a);
        }
        String stepsRun = s.containsKey("resumed_from") ? "steps " + (((Number) s.get("resumed_from")).longValue() + 1) + " to " + steps
                : steps + " steps";
        out.printf("%s in %.0f s; wrote %s (loss.png, preview.png, metrics.jsonl, metrics.json%s, %s)%n", stepsRun, number(s, "seconds"),
                folder, s.containsKey("mcd_db") ? ", spectrograms.png (top to bottom: A, A as B, B), samples/" : "", VoiceSwapTrainer.CHECKPOINT);
        return 0;
    }

    /** "100 utterances", or "30 utterances, 3 held out". */
    private static String utterances(Speech speech) {
        return Count.of(speech.training().size(), "utterance") + (speech.heldOut().isEmpty() ? "" : ", " + speech.heldOut().size() + " held out");
    }

    private Speech speech(String source, Path folder) throws IOException {
        if (source.startsWith("flite:")) {
            return Speech.fromCorpus(VoiceCorpus.open(corpus()), source.substring("flite:".length()));
        }
        RunOptions.refuseInput(folder, "--a/--b", Path.of(source));
        return Speech.fromFolder(Path.of(source));
    }

    private Path corpus() {
        return corpus != null ? corpus : VoiceCorpus.DEFAULT;
    }

    private static double number(Map<String, Object> s, String name) {
        return ((Number) s.get(name)).doubleValue();
    }
}
