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
 * held-out ones where the true target of a conversion exists (the corpus's parallel sentences;
 * none for a folder of a user's own recordings).
 *
 * @param name     "flite:awb", or the folder
 * @param training the utterances to learn from
 * @param heldOut  held-out utterances, in the corpus's sentence order (empty for a folder)
 * @param notes    what reading the files changed ("take1.wav: resampled from 44100 Hz to 16000 Hz")
 */
public record Speech(String name, List<double[][]> training, List<double[][]> heldOut, List<String> notes) {
    /** Speech whose files needed no conversion. */
    public Speech(String name, List<double[][]> training, List<double[][]> heldOut) {
        this(name, training, heldOut, List.of());
    }

    /** Utterances shorter than this many frames (a quarter second) are too short to learn from. */
    public static final int SHORTEST = 32;

    /** A voice of the corpus: {@code flite:VOICE}. */
    public static Speech fromCorpus(VoiceCorpus corpus, String voice) throws IOException {
        return new Speech("flite:" + voice, frames(corpus, voice, false), frames(corpus, voice, true));
    }

    /** Every WAV file of a folder (a user's own recordings), all for training. */
    public static Speech fromFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("no folder of recordings at " + folder + "; give a folder of WAV files or flite:VOICE");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".wav")).sorted().toList();
        }
        List<double[][]> utterances = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path file : files) {
            Waveform sound = Wav.read(file);
            sound.conversions().forEach(change -> notes.add(file.getFileName() + ": " + change));
            utterances.add(utterance(sound, file));
        }
        if (utterances.isEmpty()) {
            throw new IOException(folder + " holds no .wav files; record some (16 kHz mono is best) or give flite:VOICE");
        }
        return new Speech(folder.toString(), List.copyOf(utterances), List.of(), List.copyOf(notes));
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
