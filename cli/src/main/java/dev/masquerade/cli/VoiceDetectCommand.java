package dev.masquerade.cli;

import dev.masquerade.nn.io.AtomicFiles;
import dev.masquerade.nn.io.Checkpoint;
import dev.masquerade.voice.data.Speech;
import dev.masquerade.voice.data.VoiceCorpus;
import dev.masquerade.voice.evaluation.ConversionDetection;
import dev.masquerade.voice.model.VoiceSwapModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code masquerade voice detect}: can the picture detectors tell a run's conversions from the real target voice? */
@Command(mixinStandardHelpOptions = true, name = "detect", description = "Train the spectrum and the CNN detector on log-mel pictures of"
        + " a voice swap run's target speaker (real) and of its conversions as heard through the vocoder (fake), on the training sentences,"
        + " and judge them on the held-out ones; writes detection.json beside the checkpoint. Needs a run on two flite voices.")
final class VoiceDetectCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--checkpoint", required = true, paramLabel = "FILE", description = "checkpoint.json of a 'masquerade voice train' run on flite voices.")
    private Path checkpoint;

    @Option(names = "--corpus", paramLabel = "DIR", description = "Where scripts/fetch-voices.sh put the corpus (default: ~/.cache/masquerade/voices).")
    private Path corpus;

    @Option(names = "--vocoded-real", description = "Send the real renderings through the same vocoder as the conversions (a control:"
            + " then the vocoder alone gives nothing away). Writes detection_vocoded_real.json.")
    private boolean vocodedReal;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> config = Checkpoint.load(checkpoint).config();
        VoiceSwapModel model = VoiceSwapModel.load(checkpoint);
        String a = String.valueOf(config.get("a")), b = String.valueOf(config.get("b"));
        if (!a.startsWith("flite:") || !b.startsWith("flite:")) {
            throw new IllegalArgumentException(checkpoint + " was trained on " + a + " and " + b + "; detection needs the corpus's held-out"
                    + " sentences of both, so a run on two flite voices");
        }
        Path output = checkpoint.toAbsolutePath().getParent().resolve(vocodedReal ? "detection_vocoded_real.json" : "detection.json");
        if (Files.exists(output)) {
            throw new IllegalArgumentException(output + " exists; move it away to measure again (nothing is overwritten)");
        }
        VoiceCorpus voices = VoiceCorpus.open(corpus != null ? corpus : VoiceCorpus.DEFAULT);
        Speech source = Speech.fromCorpus(voices, a.substring(6)), target = Speech.fromCorpus(voices, b.substring(6));
        var out = spec.commandLine().getOut();
        out.printf("detecting %s said as %s among %s's own renderings%s: training on %d + %d sentences, judging %d + %d held out%n", a, b, b,
                vocodedReal ? " (through the same vocoder)" : "", target.training().size(), source.training().size(), target.heldOut().size(),
                source.heldOut().size());
        out.printf("converting and vocoding %d sentences, then training the spectrum detector and the CNN detector (about a minute) ...%n",
                source.training().size() + source.heldOut().size());
        out.flush();
        List<ConversionDetection.Result> results = ConversionDetection.run(model, VoiceSwapModel.Speaker.B, source.training(), source.heldOut(),
                target.training(), target.heldOut(), vocodedReal, dev.masquerade.detection.cnn.CnnDetector.Options.DEFAULT,
                Files.createTempDirectory("voice-detect"));
        Map<String, Object> summary = new LinkedHashMap<>();
        for (ConversionDetection.Result r : results) {
            out.printf("%-8s AUC %.3f, accuracy %.3f on %d + %d held out (%.0f s)%n", r.method(), r.auc(), r.accuracy(), r.real(), r.fake(), r.seconds());
            summary.put(r.method() + "_auc", r.auc());
            summary.put(r.method() + "_accuracy", r.accuracy());
            summary.put(r.method() + "_seconds", r.seconds());
        }
        summary.put("held_out_real", results.get(0).real());
        summary.put("held_out_fake", results.get(0).fake());
        AtomicFiles.write(output, new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary));
        out.printf("wrote %s%n", output);
        return 0;
    }
}
