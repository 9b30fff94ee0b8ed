package dev.masquerade.voice.data;

import dev.masquerade.voice.audio.Wav;
import dev.masquerade.voice.audio.Waveform;
import dev.masquerade.voice.signal.LogMelFeatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One speaker's utterances as log-mel frames ([frames][MELS] each): training utterances, and
 * held-out ones, which measure a conversion where the other speaker said the same sentences
 * (the corpus's parallel sentences; a folder's held-out/ recordings).
 *
 * @param name         "flite:awb", or the folder
 * @param training     the utterances to learn from
 * @param heldOut      held-out utterances, in the order of their names
 * @param heldOutNames the sentence each held-out utterance says (the corpus's id, or the file's name)
 * @param notes        what reading the files changed ("take1.wav: resampled from 44100 Hz to 16000 Hz")
 */
public record Speech(String name, List<double[][]> training, List<double[][]> heldOut, List<String> heldOutNames, List<String> notes) {
    /** The folder of a speaker's folder that holds held-out recordings, named like the other speaker's. */
    public static final String HELD_OUT = "held-out";

    /** Speech whose files needed no conversion, its held-out sentences named by their place (heldout_00, heldout_01, …). */
    public Speech(String name, List<double[][]> training, List<double[][]> heldOut) {
        this(name, training, heldOut, java.util.stream.IntStream.range(0, heldOut.size()).mapToObj(i -> String.format("heldout_%02d", i)).toList(),
                List.of());
    }

    /** Whether both speakers said the same held-out sentences, so that each conversion has its true target. */
    public boolean parallelTo(Speech other) {
        return !heldOut.isEmpty() && heldOutNames.equals(other.heldOutNames);
    }

    /**
     * Nothing when both speakers' held-out sentences are the same or one has none; otherwise
     * one line naming a sentence only one of them said.
     */
    public static void requireParallelOrApart(Speech a, Speech b) throws IOException {
        if (a.heldOut.isEmpty() || b.heldOut.isEmpty() || a.parallelTo(b)) {
            return;
        }
        Speech with = a.heldOutNames.stream().anyMatch(n -> !b.heldOutNames.contains(n)) ? a : b, without = with == a ? b : a;
        String alone = with.heldOutNames.stream().filter(n -> !without.heldOutNames.contains(n)).findFirst().orElseThrow();
        throw new IOException(with.name + " has held-out " + alone + " and " + without.name + " does not; held-out recordings measure"
                + " conversions only when both speakers said the same sentences, under the same file names");
    }

    /** Utterances shorter than this many frames (a quarter second) are too short to learn from. */
    public static final int SHORTEST = 32;

    /** A voice of the corpus: {@code flite:VOICE}. */
    public static Speech fromCorpus(VoiceCorpus corpus, String voice) throws IOException {
        List<String> ids = corpus.sentences(true).stream().map(VoiceCorpus.Sentence::id).toList();
        return new Speech("flite:" + voice, frames(corpus, voice, false), frames(corpus, voice, true), ids, List.of());
    }

    /**
     * Every WAV file of a folder (a user's own recordings) for training; those of its
     * held-out/ folder, if it has one, held out (sentences the other speaker said too, under the
     * same file names).
     */
    public static Speech fromFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("no folder of recordings at " + folder + "; give a folder of WAV files or flite:VOICE");
        }
        List<String> notes = new ArrayList<>();
        List<Path> training = wavFiles(folder), heldOut = Files.isDirectory(folder.resolve(HELD_OUT)) ? wavFiles(folder.resolve(HELD_OUT)) : List.of();
        if (training.isEmpty()) {
            throw new IOException(folder + " holds no .wav files; record some (16 kHz mono is best) or give flite:VOICE");
        }
        return new Speech(folder.toString(), read(training, notes), read(heldOut, notes),
                heldOut.stream().map(p -> p.getFileName().toString()).toList(), List.copyOf(notes));
    }

    private static List<Path> wavFiles(Path folder) throws IOException {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".wav")).sorted().toList();
        }
    }

    /** The files' log-mel frames; what reading them changed goes into {@code notes}. */
    private static List<double[][]> read(List<Path> files, List<String> notes) throws IOException {
        List<double[][]> utterances = new ArrayList<>();
        for (Path file : files) {
            Waveform sound = Wav.read(file);
            sound.conversions().forEach(change -> notes.add(file.getFileName() + ": " + change));
            utterances.add(utterance(sound, file));
        }
        return List.copyOf(utterances);
    }

    private static List<double[][]> frames(VoiceCorpus corpus, String voice, boolean heldOut) throws IOException {
        List<double[][]> out = new ArrayList<>();
        for (VoiceCorpus.Sentence sentence : corpus.sentences(heldOut)) {
            Path file = corpus.wav(voice, sentence);
            out.add(utterance(Wav.read(file), file));
        }
        return List.copyOf(out);
    }

    /** The log-mel frames of one recording, or one line when it is silent or too short. */
    public static double[][] utterance(Waveform sound, Path file) throws IOException {
        if (sound.samples().length <= LogMelFeatures.WINDOW / 2 || sound.samples().length / LogMelFeatures.HOP < SHORTEST) {
            throw new IOException(file + " lasts " + String.format("%.3f", sound.seconds()) + " s; the voice swap needs at least "
                    + String.format("%.3f", (double) SHORTEST * LogMelFeatures.HOP / sound.sampleRate()) + " s of speech per file");
        }
        if (sound.rms() < 1e-4) {
            throw new IOException(file + " is silent (its level is under −80 dB of full scale); record it again or leave it out");
        }
        return LogMelFeatures.of(sound);
    }
}
