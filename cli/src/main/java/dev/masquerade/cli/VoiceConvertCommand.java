package dev.masquerade.cli;

import dev.masquerade.voice.audio.Wav;
import dev.masquerade.voice.audio.Waveform;
import dev.masquerade.voice.data.Speech;
import dev.masquerade.voice.evaluation.Spectrograms;
import dev.masquerade.voice.model.VoiceSwapModel;
import dev.masquerade.voice.model.VoiceSwapTrainer;
import dev.masquerade.voice.signal.LogMelFeatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code masquerade voice convert}: recordings said again in one speaker's voice. */
@Command(mixinStandardHelpOptions = true, name = "convert", description = "Say recordings again in one of a trained voice swap's speakers'"
        + " voices: for each WAV file, NAME_as_b.wav and NAME_as_b.png (its spectrogram above the conversion's, and below them the"
        + " target voice's own rendering where the input is a sentence of the corpus and the target a flite voice; _as_a with --to a)"
        + " in --out.")
final class VoiceConvertCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--checkpoint", required = true, paramLabel = "FILE", description = "checkpoint.json of a 'masquerade voice train' run.")
    private Path checkpoint;

    @Option(names = "--input", required = true, paramLabel = "WAV|DIR", description = "A WAV file, or a folder of them.")
    private Path input;

    @Option(names = "--to", defaultValue = "b", description = "The speaker to sound like: a or b (default: ${DEFAULT-VALUE}).")
    private String to;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write into (made if missing; nothing in it is overwritten).")
    private Path out;

    @Option(names = "--rounds", defaultValue = "" + VoiceSwapTrainer.VOCODER_ROUNDS, description = "Griffin-Lim rounds of the vocoder"
            + " (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Override
    public Integer call() throws Exception {
        VoiceSwapModel.Speaker speaker = switch (to.toLowerCase(Locale.ROOT)) {
            case "a" -> VoiceSwapModel.Speaker.A;
            case "b" -> VoiceSwapModel.Speaker.B;
            default -> throw new IllegalArgumentException("--to must be a or b, got '" + to + "'");
        };
        if (rounds < 0) {
            throw new IllegalArgumentException("--rounds must be 0 or more, got " + rounds);
        }
        if (Files.isDirectory(input)) {
            RunOptions.refuseInput(out, "--input", input); // conversions among the recordings would be read as the speaker's own next time
        }
        VoiceSwapModel model = VoiceSwapModel.load(checkpoint);
        Object targetName = dev.masquerade.nn.io.Checkpoint.load(checkpoint).config().get(speaker == VoiceSwapModel.Speaker.A ? "a" : "b");
        List<Path> files = inputs();
        String suffix = "_as_" + speaker.name().toLowerCase(Locale.ROOT);
        for (Path file : files) {
            String stem = file.getFileName().toString().replaceFirst("(?i)\\.wav$", "");
            for (Path target : List.of(out.resolve(stem + suffix + ".wav"), out.resolve(stem + suffix + ".png"))) {
                if (Files.exists(target)) {
                    throw new IllegalArgumentException(target + " exists; choose another --out (nothing is overwritten)");
                }
            }
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file; name a folder to write the conversions into");
        }
        List<Waveform> sounds = new ArrayList<>();
        List<double[][]> sources = new ArrayList<>();
        for (Path file : files) { // every input read and checked before anything is written
            Waveform sound = Wav.read(file);
            sounds.add(sound);
            sources.add(Speech.utterance(sound, file));
        }
        Files.createDirectories(out);
        var stdout = spec.commandLine().getOut();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            Waveform sound = sounds.get(i);
            sound.conversions().forEach(change -> stdout.printf("%s: %s%n", file.getFileName(), change));
            double[][] source = sources.get(i);
            double[][] converted = VoiceSwapTrainer.convert(model, List.<double[][]>of(source), speaker).get(0);
            String stem = file.getFileName().toString().replaceFirst("(?i)\\.wav$", "") + suffix;
            Wav.write(LogMelFeatures.toSound(converted, rounds, 1), out.resolve(stem + ".wav"));
            List<double[][]> rows = new ArrayList<>(List.of(source, converted));
            Path truth = trueTarget(file, targetName);
            if (truth != null) {
                rows.add(Speech.utterance(Wav.read(truth), truth));
            }
            Spectrograms.write(rows, out.resolve(stem + ".png"));
            stdout.printf("wrote %s (%.1f s) and %s (top to bottom: the recording, as %s%s)%n", out.resolve(stem + ".wav"), sound.seconds(),
                    out.resolve(stem + ".png"), speaker.name().toLowerCase(Locale.ROOT), truth == null ? "" : ", " + targetName + "'s own");
        }
        return 0;
    }

    /**
     * The target voice's own rendering of the input's sentence, where the input is a sentence of
     * the corpus (VOICE/sNNN.wav beside sentences.tsv) and the target a flite voice; else null.
     */
    private static Path trueTarget(Path file, Object targetName) {
        Path voiceFolder = file.toAbsolutePath().getParent(), corpus = voiceFolder == null ? null : voiceFolder.getParent();
        if (!(targetName instanceof String name) || !name.startsWith("flite:") || corpus == null
                || !Files.isRegularFile(corpus.resolve("sentences.tsv"))) {
            return null;
        }
        Path truth = corpus.resolve(name.substring("flite:".length())).resolve(file.getFileName());
        return Files.isRegularFile(truth) ? truth : null;
    }

    private List<Path> inputs() throws java.io.IOException {
        if (!Files.isDirectory(input)) {
            return List.of(input);
        }
        try (Stream<Path> listing = Files.list(input)) {
            List<Path> files = new ArrayList<>(listing.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav")).sorted().toList());
            if (files.isEmpty()) {
                throw new IllegalArgumentException(input + " holds no .wav files");
            }
            return files;
        }
    }
}
